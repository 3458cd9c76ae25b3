// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import { anchorLockPath, entitiesDir } from './src/lib/content-files.ts';
import { readEntities } from './src/lib/entities.ts';
import { readAnchorLock } from './src/lib/read-lock.ts';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions } from './src/plugins/index.ts';

const base = process.env.BASE_PATH ?? '/';
const entities = readEntities(entitiesDir);

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.org',
  base,
  trailingSlash: 'always',
  // Styles and scripts stay in files, never inlined into the page: the Content-Security-Policy
  // (src/lib/csp.ts) allows only files from this origin, no inline code.
  build: { inlineStylesheets: 'never' },
  // Vite would otherwise inline small scripts and assets (as data: URLs) under 4 KB.
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [
    pagefind({ entityIds: entities.map((entity) => entity.id) }),
  ],
  markdown: {
    processor: unified({
      // SmartyPants would rewrite the source's "--" and quotes: the transcription stays as it is.
      smartypants: false,
      remarkPlugins: remarkPlugins({
        lock: readAnchorLock(anchorLockPath),
        lockPath: anchorLockPath,
        entities,
        base,
      }),
      remarkRehype: remarkRehypeOptions,
      rehypePlugins: rehypePlugins(),
    }),
  },
});
