import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { digestOf } from '../content/render-cache.ts';
import { type Facet, prepareForIndex } from '../lib/search-index.ts';
import { entityToken } from '../shared/search-terms.ts';
import { PreparedPages } from './prepared-pages.ts';

export interface Options {
  /** The ids of the registry's entities: each gets a search term of its own (`entityToken`). */
  entityIds?: readonly string[];
  /** The search facet of each entity that has one, by id: added to the pages that mention it. */
  facets?: ReadonlyMap<string, Facet>;
  /**
   * Where to keep the prepared copies of the pages between builds (prepared-pages.ts), and the
   * digest of the code that prepares them; without them every page is prepared afresh.
   */
  cache?: { dir: string; codeDigest: string };
}

/**
 * Pagefind writes its own search interfaces into every bundle; the edition has its own, so no
 * reader ever loads these. Removed after writing, so that the bundle holds what is used.
 */
export const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** How many pages are handed to Pagefind before the first of them is indexed. */
const pagesInFlight = 8;

/** Two ids that would share a search term (they differ only in hyphens): the build stops, naming both. */
export function tokenClashes(ids: readonly string[]): string[] {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const id of ids) {
    const token = entityToken(id);
    const other = seen.get(token);
    if (other !== undefined && other !== id) clashes.push(`"${other}" and "${id}"`);
    else seen.set(token, id);
  }
  return clashes;
}

/**
 * Builds the Pagefind search index of the finished site through Pagefind's Node API, so that
 * `astro build` writes the site and its index in one step (as Starlight does). In `astro dev`
 * the last built index is served from the output folder; without one, /pagefind/ answers with
 * a message that says to build first.
 */
export default function pagefind(options: Options = {}): AstroIntegration {
  const clashes = tokenClashes(options.entityIds ?? []);
  if (clashes.length > 0) {
    throw new Error(
      `content/entities: the ids ${clashes.join(', ')} differ only in their hyphens, so search could not tell them apart. Rename one of them (ids are permanent: do it before publishing).`,
    );
  }
  let outDir: string;
  let base = '/';
  return {
    name: 'edition-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const pages = (readdirSync(site, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter(
          (entry) => entry.isFile() && entry.name.endsWith('.html'),
        );
        const facets = options.facets ?? new Map<string, Facet>();
        const prepared = options.cache && new PreparedPages(options.cache.dir, digestOf([options.cache.codeDigest, JSON.stringify([...facets])]));
        const prepare = (html: string) => prepareForIndex(html, { facets });
        let indexed = 0;
        // Pagefind indexes in a process of its own: while it indexes one page, this one prepares
        // the next ones, so that both cores work. A few pages in flight are enough to keep it busy.
        const inFlight = new Set<Promise<void>>();
        for (const entry of pages) {
          const path = join(entry.parentPath, entry.name);
          const html = readFileSync(path, 'utf8');
          // Pages that mark no part of themselves as the body to index (the later pages of an
          // entity's mentions, the lists of documents) would be left out by Pagefind anyway, since
          // other pages do mark theirs: not handing them over saves reading thousands of them.
          if (!html.includes('data-pagefind-body')) continue;
          const sourcePath = relative(site, path);
          const adding = index.addHTMLFile({ sourcePath, content: prepared ? prepared.get(html, prepare) : prepare(html) }).then((added) => {
            if (added.errors.length > 0) throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
            indexed++;
          });
          inFlight.add(adding);
          adding.then(
            () => inFlight.delete(adding),
            () => undefined,
          );
          if (inFlight.size >= pagesInFlight) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        for (const file of unusedBundleFiles) rmSync(join(site, 'pagefind', file), { force: true });
        await close();
        prepared?.prune();
        const unchanged = prepared ? ` (${prepared.reused} unchanged since the last build)` : '';
        logger.info(`Search index: ${indexed} of ${pages.length} pages indexed${unchanged}, in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base}pagefind/`;
        server.middlewares.use((request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          const file = join(outDir, 'pagefind', normalize(decodeURIComponent(path.slice(prefix.length))).replace(/^(\.\.[/\\])+/, ''));
          if (!existsSync(file) || !statSync(file).isFile()) {
            response.statusCode = 404;
            response.setHeader('content-type', 'text/plain; charset=utf-8');
            response.end('No search index yet: run "npm run build" once; `astro dev` then serves the last built index.');
            return;
          }
          if (file.endsWith('.js')) response.setHeader('content-type', 'text/javascript; charset=utf-8');
          else if (file.endsWith('.css')) response.setHeader('content-type', 'text/css; charset=utf-8');
          else if (file.endsWith('.wasm')) response.setHeader('content-type', 'application/wasm');
          createReadStream(file).pipe(response);
        });
      },
    },
  };
}
