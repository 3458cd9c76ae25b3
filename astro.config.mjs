// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import { readRegistryAndBibliography } from './src/lib/bibliography.ts';
import { anchorLockPath, contentDir } from './src/lib/content-files.ts';
import { readAnchorLock } from './src/lib/read-lock.ts';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions } from './src/plugins/index.ts';

const base = process.env.BASE_PATH ?? '/';
// The registry and the bibliography, checked together: every problem of both is reported at once.
const { entities, works } = readRegistryAndBibliography(contentDir);

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
    pagefind({
      names: new Map(entities.map((entity) => [entity.id, [entity.name, ...entity.spellings, ...entity.variants]])),
    }),
  ],
  markdown: {
    processor: unified({
      // SmartyPants would rewrite the source's "--" and quotes: the transcription stays as it is.
      smartypants: false,
      remarkPlugins: remarkPlugins({
        lock: readAnchorLock(anchorLockPath),
        lockPath: anchorLockPath,
        entities,
        bibliography: works,
        base,
      }),
      remarkRehype: remarkRehypeOptions,
      rehypePlugins: rehypePlugins(),
    }),
  },
});
