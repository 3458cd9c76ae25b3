/**
 * Worker threads that format the documents' citations, one for each core but the one the
 * Markdown pipeline renders on. The CSL engine takes longer per document than rendering it
 * (docs/benchmarks.md), so the content phase lasts about as long as the citations alone, not
 * the two one after the other. The citations are the same as formatted in this thread: each
 * worker runs the same code on the same data.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentData } from '../schemas/document.ts';
import type { ParagraphDirective } from '../lib/text-fragment.ts';
import type { DocumentCitations } from './document-citations.ts';

export interface CitationJob {
  id: number;
  data: DocumentData;
  directives: ParagraphDirective[];
  site: string | undefined;
  base: string;
}

export type CitationReply = { id: number; citations: DocumentCitations } | { id: number; error: string };

export class CitationWorkers {
  readonly #workers: Worker[];
  readonly #waiting = new Map<number, { resolve: (citations: DocumentCitations) => void; reject: (error: Error) => void }>();
  #next = 0;
  #failure: Error | undefined;

  constructor(size = Math.max(1, availableParallelism() - 1)) {
    this.#workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./citations-worker.ts', import.meta.url));
      worker.on('message', (reply: CitationReply) => {
        const waiting = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        if ('error' in reply) waiting?.reject(new Error(reply.error));
        else waiting?.resolve(reply.citations);
      });
      // A worker that fails (it could not load its code) fails every citation, now and later.
      worker.on('error', (error: unknown) => {
        this.#failure = error instanceof Error ? error : new Error(String(error));
        for (const { reject } of this.#waiting.values()) reject(this.#failure);
        this.#waiting.clear();
      });
      return worker;
    });
  }

  /** The document's citations, formatted by the next worker in turn. */
  format(job: Omit<CitationJob, 'id'>): Promise<DocumentCitations> {
    const id = this.#next++;
    const worker = this.#workers[id % this.#workers.length];
    return new Promise((resolve, reject) => {
      if (this.#failure !== undefined) return reject(this.#failure);
      this.#waiting.set(id, { resolve, reject });
      worker?.postMessage({ id, ...job });
    });
  }

  close(): Promise<number[]> {
    return Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
