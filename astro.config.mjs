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
  // The one script (paragraph actions) is emitted as its own file rather than inlined, so that a
  // reader's browser caches it across documents and the reading page's HTML stays text.
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
