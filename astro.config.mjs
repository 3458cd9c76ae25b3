// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { anchorLockPath } from './src/lib/content-files.ts';
import { readAnchorLock } from './src/lib/read-lock.ts';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions } from './src/plugins/index.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.org',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // Styles and scripts stay in files, never inlined into the page: the Content-Security-Policy
  // (src/lib/csp.ts) allows only files from this origin, no inline code.
  build: { inlineStylesheets: 'never' },
  // Vite would otherwise inline small scripts and assets (as data: URLs) under 4 KB.
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    processor: unified({
      // SmartyPants would rewrite the source's "--" and quotes: the transcription stays as it is.
      smartypants: false,
      remarkPlugins: remarkPlugins({ lock: readAnchorLock(anchorLockPath), lockPath: anchorLockPath }),
      remarkRehype: remarkRehypeOptions,
      rehypePlugins: rehypePlugins(),
    }),
  },
});
