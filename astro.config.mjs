// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import siteAddress from './src/integrations/site-address.ts';
import siteHeaders from './src/integrations/site-headers.ts';
import { plainDynamicImports } from './src/integrations/plain-dynamic-imports.ts';
import { contentDir } from './src/content/content-files.ts';
import { pipelineInputs } from './src/content/pipeline-inputs.ts';
import { astroCacheDir, codeDigest, preparedPagesDir, renderCacheRoot, searchBundlesDir } from './src/content/render-cache.ts';
import keptOutput from './src/integrations/kept-output.ts';
import { pagesPerBundleFrom } from './src/integrations/search-bundles.ts';
import { publicOrigin } from './src/lib/site.ts';
import { markdownProcessor } from './src/plugins/index.ts';

const base = process.env.BASE_PATH ?? '/';
const site = publicOrigin(process.env.SITE_URL);
// The registry, the bibliography and the published anchors, as far as they are valid. Their
// problems are reported, with every other problem of the content, by the documents loader
// (src/loaders/documents.ts), which keys its cache of renders by the same inputs.
const { entities, options: pipelineOptions } = pipelineInputs(contentDir, base);

export default defineConfig({
  // The public origin, when known; without it, addresses are paths (src/lib/citation-item.ts).
  ...(site === undefined ? {} : { site }),
  base,
  trailingSlash: 'always',
  // Styles and scripts stay in files, never inlined into the page: the Content-Security-Policy
  // (src/lib/csp.ts) allows only files from this origin, no inline code.
  // Sixteen pages rendered at once: one at a time, the build waits on each page's files being
  // written and reads back, idle for more than half of the pages' phase (measured at 1,000
  // documents: 32 s one at a time, 18 s sixteen at a time, the same bytes written).
  build: { inlineStylesheets: 'never', concurrency: 16 },
  // A page whose key (src/lib/page-key.ts) and code are those of the last build is copied from
  // Astro's cache, not rendered again: a one-document change writes that document's pages and
  // the lists that show it, not every page (docs/building.md).
  experimental: { incrementalBuild: true },
  cacheDir: astroCacheDir('.', contentDir, base, site),
  // Vite would otherwise inline small scripts and assets (as data: URLs) under 4 KB. The output
  // folder is not emptied first: keptOutput does, unless the last build there was this one's.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false }, plugins: [plainDynamicImports()] },
  integrations: [
    // First, so that it removes what the last build left before the others write their files.
    keptOutput({ recordsDir: renderCacheRoot('.') }),
    siteAddress(),
    // dist/_headers, the HTTP headers for hosts that read it, from the policy of src/lib/csp.ts.
    siteHeaders(),
    pagefind({
      entityIds: entities.map((entity) => entity.id),
      // Search filters by person, place, organization and event, on the pages that mention them.
      facets: new Map(
        entities
          .filter((entity) => ['person', 'place', 'organization', 'event'].includes(entity.type))
          .map((entity) => [entity.id, { filter: entity.type, value: entity.name }]),
      ),
      // A page that came out as in the last build is not prepared for the index again, and a
      // bundle of the index whose pages all did is copied from the last build.
      cache: { dir: preparedPagesDir('.', contentDir), bundlesDir: searchBundlesDir('.', contentDir), codeDigest: codeDigest('.') },
      pagesPerBundle: pagesPerBundleFrom(process.env.SEARCH_PAGES_PER_BUNDLE),
    }),
  ],
  markdown: { processor: markdownProcessor(pipelineOptions) },
});
