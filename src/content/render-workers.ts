/**
 * Worker threads that render the documents, one for each core: each builds the edition's
 * Markdown processor (src/plugins/index.ts) as Astro does and renders a document through it,
 * then formats its citations from what the render recorded. Rendering (the Markdown parser most
 * of all) and citing take the same time on either thread; on workers they take it on every
 * core at once, while this thread only hands documents out and writes what comes back.
 */
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentProblem } from '../plugins/report-problems.ts';
import type { DocumentData } from '../schemas/document.ts';
import type { DocumentCitations } from './document-citations.ts';

/** What every worker is set up with: where the pipeline's inputs are, and Astro's Markdown settings. */
export interface RenderSetup {
  /** The content folder, whose registry, bibliography and anchor lock the plugins are given. */
  folder: string;
  base: string;
  /**
   * What Astro gives its Markdown processor besides the processor's own options (syntax
   * highlighting, GFM, images; see Astro's content layer): data, copied to each worker.
   */
  markdown: AstroMarkdownOptions;
}

export interface RenderJob {
  /** The Markdown as Astro's renderMarkdown takes it (src/content/line-preserving-source.ts). */
  source: string;
  /** The file's address, for the plugins' messages. */
  fileUrl: string;
  data: DocumentData;
  site: string | undefined;
  base: string;
}

/** What rendering a document gave: its HTML, what the plugins recorded and its citations, or its problems. */
export type Rendered =
  | { html: string; frontmatter: Record<string, unknown>; citations: DocumentCitations }
  | { problems: DocumentProblem[] }
  | { failure: { line?: number; column?: number; message: string } };

export type RenderReply = { id: number; rendered: Rendered } | { id: number; error: string };

export class RenderWorkers {
  readonly #workers: Worker[];
  readonly #waiting = new Map<number, { resolve: (rendered: Rendered) => void; reject: (error: Error) => void }>();
  #next = 0;
  #failure: Error | undefined;

  constructor(setup: RenderSetup, size = availableParallelism()) {
    this.#workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: setup });
      worker.on('message', (reply: RenderReply) => {
        const waiting = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        if ('error' in reply) waiting?.reject(new Error(reply.error));
        else waiting?.resolve(reply.rendered);
      });
      // A worker that fails (it could not load its code or build the processor) fails every
      // document, now and later.
      worker.on('error', (error: unknown) => {
        this.#failure = error instanceof Error ? error : new Error(String(error));
        for (const { reject } of this.#waiting.values()) reject(this.#failure);
        this.#waiting.clear();
      });
      return worker;
    });
  }

  get size(): number {
    return this.#workers.length;
  }

  /** The document rendered and cited by the next worker in turn. */
  render(job: RenderJob): Promise<Rendered> {
    const id = this.#next++;
    const worker = this.#workers[id % this.#workers.length];
    return new Promise((resolve, reject) => {
      if (this.#failure !== undefined) return reject(this.#failure);
      this.#waiting.set(id, { resolve, reject });
      worker?.postMessage({ id, job });
    });
  }

  close(): Promise<number[]> {
    return Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
