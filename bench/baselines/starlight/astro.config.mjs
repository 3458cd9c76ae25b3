// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

// Starlight as it comes, with one exception: by default every page's sidebar lists every page,
// so the site grows with the square of the number of documents (10,000 documents would mean
// 10,000 links on each of 10,000 pages). No archive would ship that; the sidebar links to the
// index page instead, which lists the documents once.
export default defineConfig({
  integrations: [
    starlight({
      title: 'Documents',
      sidebar: [{ label: 'All documents', link: '/' }],
    }),
  ],
});
