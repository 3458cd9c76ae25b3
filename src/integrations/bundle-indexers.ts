/**
 * The worker threads of the search step (bundle-indexer.ts), which index the bundles
 * (search-bundles.ts) as many at once as there are cores and memory for. Each bundle costs its
 * Pagefind process about 1 MB a page until it is written, so bundles run side by side only while
 * their pages together stay within what one bundle may hold (`pagesAtOnce`). Each bundle's index
 * is the same whichever ran beside it.
 */
import { Worker } from 'node:worker_threads';
import type { Facet } from '../lib/search-index.ts';
import type { IndexedPage } from './search-bundles.ts';

/** What every worker of one build is set up with: the facets pages get, and where prepared pages are kept. */
export interface IndexerSettings {
  facets: [string, Facet][];
  /** Where prepared pages are kept between builds (prepared-pages.ts); absent, every page is prepared afresh. */
  prepared?: { dir: string; version: string };
}

/** One bundle to index: its pages in the built site and the folder its index goes to. */
export interface BundleJob {
  site: string;
  pages: readonly IndexedPage[];
  folder: string;
}

/** How many of the bundle's pages were read back prepared (not prepared again), or what failed. */
export type IndexerReply = { id: number; kept: number } | { id: number; error: string };

/** What the scheduler needs of a bundle indexer: the worker below, or a stand-in in the tests. */
export interface BundleIndexer {
  index(job: BundleJob): Promise<number>;
  close(): Promise<unknown>;
}

/** A worker thread of the search step. */
export class IndexerWorker implements BundleIndexer {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (kept: number) => void; reject: (error: Error) => void }>();
  #next = 0;

  constructor(settings: IndexerSettings) {
    this.#worker = new Worker(new URL('./bundle-indexer.ts', import.meta.url), { workerData: settings });
    this.#worker.on('message', (reply: IndexerReply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.kept);
    });
    // A worker that could not load its code fails everything it was given.
    this.#worker.on('error', (error: unknown) => {
      for (const waiting of this.#waiting.values()) waiting.reject(error instanceof Error ? error : new Error(String(error)));
      this.#waiting.clear();
    });
  }

  index(job: BundleJob): Promise<number> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, job });
    });
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}

/**
 * Indexes every job, up to `indexers.length` at once and, beyond the first, only while the pages
 * of the bundles being indexed stay within `pagesAtOnce`; `done` is told of each bundle as it is
 * written. Rejects with the first failure, once no bundle is being indexed any more.
 */
export async function indexBundles(
  jobs: readonly BundleJob[],
  indexers: readonly BundleIndexer[],
  pagesAtOnce: number,
  done: (job: BundleJob, kept: number) => void,
): Promise<void> {
  const queue = [...jobs];
  const idle = [...indexers];
  const running = new Set<Promise<void>>();
  let pagesRunning = 0;
  let failure: unknown;
  const fits = (job: BundleJob) => running.size === 0 || pagesRunning + job.pages.length <= pagesAtOnce;
  while (queue.length > 0 || running.size > 0) {
    while (failure === undefined && queue.length > 0 && idle.length > 0 && fits(queue[0] as BundleJob)) {
      const job = queue.shift() as BundleJob;
      const indexer = idle.pop() as BundleIndexer;
      pagesRunning += job.pages.length;
      const run = indexer
        .index(job)
        .then((kept) => done(job, kept))
        .catch((error: unknown) => {
          failure ??= error;
        });
      const finished = run.then(() => {
        running.delete(finished);
        pagesRunning -= job.pages.length;
        idle.push(indexer);
      });
      running.add(finished);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  if (failure !== undefined) throw failure;
}
