// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import siteAddress from './src/integrations/site-address.ts';
import siteHeaders from './src/integrations/site-headers.ts';
import { plainDynamicImports } from './src/integrations/plain-dynamic-imports.ts';
import { contentDir } from './src/content/content-files.ts';
import { pipelineInputs } from './src/content/pipeline-inputs.ts';
import { codeDigest, preparedPagesDir } from './src/content/render-cache.ts';
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
  build: { inlineStylesheets: 'never' },
  // Vite would otherwise inline small scripts and assets (as data: URLs) under 4 KB.
  vite: { build: { assetsInlineLimit: 0 }, plugins: [plainDynamicImports()] },
  integrations: [
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
      // A page that came out as in the last build is not prepared for the index again.
      cache: { dir: preparedPagesDir('.', contentDir), codeDigest: codeDigest('.') },
    }),
  ],
  markdown: { processor: markdownProcessor(pipelineOptions) },
});
