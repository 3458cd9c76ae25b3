/**
 * A worker thread of the search step (pagefind.ts), never imported: it indexes the bundles it is
 * sent, one at a time, each in a Pagefind process of its own, closed when the bundle is written.
 * Its own copy of Pagefind's Node API starts its own process, so that two workers index two
 * bundles on two cores at once; and it reads and prepares the pages (search-index.ts) itself,
 * keeping each prepared copy for the next build (prepared-pages.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import { prepareForIndex } from '../lib/search-index.ts';
import type { BundleJob, IndexerReply, IndexerSettings } from './bundle-indexers.ts';
import { PreparedPages } from './prepared-pages.ts';

/** How many pages are handed to Pagefind before the first of them is indexed. */
const pagesInFlight = 8;

const settings = workerData as IndexerSettings;
const facets = new Map(settings.facets);
const prepare = (html: string) => prepareForIndex(html, { facets });

const keptCopies = settings.prepared && new PreparedPages(settings.prepared.dir, settings.prepared.version);

/** The page as the index gets it, and whether its copy was read back as an earlier build prepared it. */
function preparedCopy(html: string, digest: string): { content: string; kept: boolean } {
  if (!keptCopies) return { content: prepare(html), kept: false };
  const before = keptCopies.reused;
  const content = keptCopies.get(html, prepare, digest);
  return { content, kept: keptCopies.reused > before };
}

async function indexBundle(job: BundleJob): Promise<number> {
  let kept = 0;
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Pagefind indexes in a process of its own: while it indexes one page, this thread reads
    // (or prepares) the next ones. A few pages in flight are enough to keep it busy.
    const inFlight = new Set<Promise<void>>();
    for (const page of job.pages) {
      const copy = preparedCopy(readFileSync(join(job.site, page.sourcePath), 'utf8'), page.digest);
      if (copy.kept) kept++;
      const adding = index.addHTMLFile({ sourcePath: page.sourcePath, content: copy.content }).then((added) => {
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
    const result = await index.writeFiles({ outputPath: job.folder });
    if (result.errors.length > 0) throw new Error(`Pagefind could not write its index: ${result.errors.join('; ')}`);
  } finally {
    await close();
  }
  return kept;
}

parentPort?.on('message', ({ id, job }: { id: number; job: BundleJob }) => {
  indexBundle(job).then(
    (kept) => parentPort?.postMessage({ id, kept } satisfies IndexerReply),
    (error: unknown) => parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies IndexerReply),
  );
});
