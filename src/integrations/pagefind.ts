import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { digestOf } from '../content/render-cache.ts';
import { type Facet, prepareForIndex } from '../lib/search-index.ts';
import { entityToken } from '../shared/search-terms.ts';
import { PreparedPages, pageDigest } from './prepared-pages.ts';
import { bundleFolder, bundleList, bundleListFile, pagesPerBundleFor, type IndexedPage, splitIntoBundles, WrittenBundles } from './search-bundles.ts';

export interface Options {
  /** The ids of the registry's entities: each gets a search term of its own (`entityToken`). */
  entityIds?: readonly string[];
  /** The search facet of each entity that has one, by id: added to the pages that mention it. */
  facets?: ReadonlyMap<string, Facet>;
  /**
   * Where to keep the prepared copies of the pages between builds (prepared-pages.ts), and the
   * digest of the code that prepares them; without them every page is prepared afresh.
   */
  cache?: { dir: string; bundlesDir: string; codeDigest: string };
  /** At most this many pages in one bundle of the index; by default, as `pagesPerBundleFor` gives for the site (search-bundles.ts). */
  pagesPerBundle?: number | undefined;
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

/** The built pages that carry a body to index, each with the digest of its bytes. */
function pagesToIndex(site: string): IndexedPage[] {
  const files = (readdirSync(site, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter(
    (entry) => entry.isFile() && entry.name.endsWith('.html'),
  );
  const pages: IndexedPage[] = [];
  for (const entry of files) {
    const path = join(entry.parentPath, entry.name);
    const html = readFileSync(path, 'utf8');
    // Pages that mark no part of themselves as the body to index (the later pages of an
    // entity's mentions, the lists of documents) would be left out by Pagefind anyway, since
    // other pages do mark theirs: not handing them over saves reading thousands of them again.
    if (html.includes('data-pagefind-body')) pages.push({ sourcePath: relative(site, path), digest: pageDigest(html) });
  }
  return pages;
}

/** Pagefind's script, worker and WebAssembly in a bundle's folder. */
function mergedBundleScripts(folder: string): string[] {
  return readdirSync(folder).filter((name) => name === 'pagefind.js' || name === 'pagefind-worker.js' || /^wasm\..+\.pagefind$/.test(name));
}

/**
 * Indexes `pages` into `folder` in a Pagefind process of its own, closed when the bundle is
 * written: its memory goes with it before the next bundle starts.
 */
async function indexBundle(site: string, pages: readonly IndexedPage[], folder: string, content: (page: IndexedPage, html: string) => string): Promise<void> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Pagefind indexes in a process of its own: while it indexes one page, this one prepares
    // the next ones, so that both cores work. A few pages in flight are enough to keep it busy.
    const inFlight = new Set<Promise<void>>();
    for (const page of pages) {
      const html = readFileSync(join(site, page.sourcePath), 'utf8');
      const adding = index.addHTMLFile({ sourcePath: page.sourcePath, content: content(page, html) }).then((added) => {
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page.sourcePath}: ${added.errors.join('; ')}`);
      });
      inFlight.add(adding);
      adding.then(
        () => inFlight.delete(adding),
        () => undefined,
      );
      if (inFlight.size >= pagesInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const result = await index.writeFiles({ outputPath: folder });
    if (result.errors.length > 0) throw new Error(`Pagefind could not write its index: ${result.errors.join('; ')}`);
  } finally {
    await close();
  }
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
        const facets = options.facets ?? new Map<string, Facet>();
        const version = digestOf([options.cache?.codeDigest ?? '', JSON.stringify([...facets])]);
        const prepared = options.cache && new PreparedPages(options.cache.dir, version);
        const written = options.cache && new WrittenBundles(options.cache.bundlesDir);
        const prepare = (html: string) => prepareForIndex(html, { facets });
        const pages = pagesToIndex(site);
        const bundles = splitIntoBundles(pages, options.pagesPerBundle ?? pagesPerBundleFor(pages.length));
        rmSync(join(site, 'pagefind'), { recursive: true, force: true });
        let indexed = 0;
        let copied = 0;
        for (const [number, pages] of bundles.entries()) {
          const folder = join(site, bundleFolder(number));
          const key = digestOf([version, number === 0 ? 'first' : 'merged', ...pages.flatMap((page) => [page.sourcePath, page.digest])]);
          if (written?.restore(key, folder)) {
            for (const page of pages) prepared?.retain(page.digest);
            copied++;
            continue;
          }
          await indexBundle(site, pages, folder, (page, html) => (prepared ? prepared.get(html, prepare, page.digest) : prepare(html)));
          // The first bundle's script and WebAssembly search them all: the others need neither.
          for (const file of number === 0 ? unusedBundleFiles : [...unusedBundleFiles, ...mergedBundleScripts(folder)])
            rmSync(join(folder, file), { force: true });
          written?.keep(key, folder);
          indexed += pages.length;
        }
        writeFileSync(join(site, bundleFolder(0), bundleListFile), `${JSON.stringify(bundleList(bundles.length))}\n`);
        written?.prune();
        prepared?.prune();
        const total = bundles.reduce((sum, pages) => sum + pages.length, 0);
        const unchanged = prepared ? ` (${prepared.reused} prepared pages read back)` : '';
        const reused = written ? `, ${copied} unchanged since the last build` : '';
        logger.info(
          `Search index: ${total} pages in ${bundles.length} bundle${bundles.length === 1 ? '' : 's'}${reused}; ${indexed} pages indexed${unchanged}, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
        );
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
