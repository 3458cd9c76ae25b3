import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { digestOf } from '../content/render-cache.ts';
import type { Facet } from '../lib/search-index.ts';
import { entityToken } from '../shared/search-terms.ts';
import { type BundleJob, IndexerWorker, type IndexerSettings, indexBundles } from './bundle-indexers.ts';
import { PreparedPages, pageDigest } from './prepared-pages.ts';
import {
  bundleFolder,
  bundleList,
  bundleListFile,
  type IndexedPage,
  maxPagesPerBundle,
  pagesPerBundleFor,
  splitIntoBundles,
  WrittenBundles,
} from './search-bundles.ts';

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
  const facets = options.facets ?? new Map<string, Facet>();
  const version = digestOf([options.cache?.codeDigest ?? '', JSON.stringify([...facets])]);
  const settings: IndexerSettings = { facets: [...facets], ...(options.cache && { prepared: { dir: options.cache.dir, version } }) };
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
        const prepared = options.cache && new PreparedPages(options.cache.dir, version);
        const written = options.cache && new WrittenBundles(options.cache.bundlesDir);
        const pages = pagesToIndex(site);
        const bundles = splitIntoBundles(pages, options.pagesPerBundle ?? pagesPerBundleFor(pages.length));
        rmSync(join(site, 'pagefind'), { recursive: true, force: true });
        let indexed = 0;
        let copied = 0;
        let readBack = 0;
        const jobs: BundleJob[] = [];
        const keys = new Map<BundleJob, { key: string; first: boolean }>();
        for (const [number, pages] of bundles.entries()) {
          const folder = join(site, bundleFolder(number));
          const key = digestOf([version, number === 0 ? 'first' : 'merged', ...pages.flatMap((page) => [page.sourcePath, page.digest])]);
          if (written?.restore(key, folder)) {
            for (const page of pages) prepared?.retain(page.digest);
            copied++;
            continue;
          }
          const job: BundleJob = { site, pages, folder };
          jobs.push(job);
          keys.set(job, { key, first: number === 0 });
        }
        const indexers = Array.from({ length: Math.min(availableParallelism(), jobs.length) }, () => new IndexerWorker(settings));
        try {
          await indexBundles(jobs, indexers, maxPagesPerBundle, (job, keptCopies) => {
            const { key, first } = keys.get(job) as { key: string; first: boolean };
            // The first bundle's script and WebAssembly search them all: the others need neither.
            for (const file of first ? unusedBundleFiles : [...unusedBundleFiles, ...mergedBundleScripts(job.folder)])
              rmSync(join(job.folder, file), { force: true });
            written?.keep(key, job.folder);
            // Each of these pages' prepared copies was read or written: kept through `prune`.
            for (const page of job.pages) prepared?.retain(page.digest);
            readBack += keptCopies;
            indexed += job.pages.length;
          });
        } finally {
          await Promise.all(indexers.map((indexer) => indexer.close()));
        }
        writeFileSync(join(site, bundleFolder(0), bundleListFile), `${JSON.stringify(bundleList(bundles.length))}\n`);
        written?.prune();
        prepared?.prune();
        const total = bundles.reduce((sum, pages) => sum + pages.length, 0);
        const unchanged = prepared ? ` (${readBack} prepared pages read back)` : '';
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
