/**
 * One cold first search in Chromium, as the benchmarks measure it for the edition and for
 * Starlight alike: a fresh browser context (empty cache), the page loaded and settled, then the
 * reader's first action on the search box, the query typed, and the first result shown.
 */
import type { Browser } from 'playwright-core';
import { gzipSize } from '../src/lib/page-weight.ts';
import type { FirstSearch } from './baselines.ts';

export type FileKind = 'engine' | 'index' | 'fragments' | 'filters' | 'code and data';

export interface FirstSearchRun {
  /** Milliseconds from the first action on the search box to the first result shown. */
  ms: number;
  /**
   * Bytes as sent (gzip where the server compressed them) of every file requested from the
   * first action until the first result was shown, and of every Pagefind file requested at all
   * before that: what the search cost, not what the page would have loaded anyway.
   */
  bytes: number;
  /** The same bytes by kind of file. */
  kinds: Record<FileKind, number>;
  /** The files counted, with their bytes, in the order requested. */
  files: { url: string; bytes: number }[];
}

/** What a Pagefind bundle's file is for. */
export function fileKind(url: string): FileKind {
  const path = new URL(url).pathname;
  if (/\/pagefind\/(?:pagefind(?:-worker)?\.js|wasm\.[\w-]+\.pagefind)$/.test(path)) return 'engine';
  if (/\.pf_(?:meta|index)$/.test(path) || path.endsWith('/pagefind-entry.json')) return 'index';
  if (path.endsWith('.pf_fragment')) return 'fragments';
  if (path.endsWith('.pf_filter')) return 'filters';
  return 'code and data';
}

export async function measureFirstSearch(browser: Browser, siteUrl: string, query: string, search: FirstSearch): Promise<FirstSearchRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let acted: number | undefined;
  let shown: number | undefined;
  const pending: Promise<{ url: string; bytes: number } | undefined>[] = [];
  page.on('request', (request) => {
    const url = request.url();
    const counted = (acted !== undefined && shown === undefined) || (acted === undefined && url.includes('/pagefind/'));
    if (!counted) return;
    pending.push(
      request
        .response()
        .then(async (response) => {
          if (!response) return undefined;
          await response.finished();
          const sent = (await request.sizes()).responseBodySize;
          if (sent > 0) return { url, bytes: sent };
          // Chromium gives no size for a worker's script: weigh its body as the server sent it.
          const body = await response.body();
          return { url, bytes: (await response.allHeaders())['content-encoding'] === 'gzip' ? gzipSize(body) : body.length };
        })
        .catch(() => undefined),
    );
  });
  try {
    await search(page, siteUrl, query, () => {
      acted = performance.now();
    });
    shown = performance.now();
    const files = (await Promise.all(pending)).filter((file) => file !== undefined);
    const kinds: Record<FileKind, number> = { engine: 0, index: 0, fragments: 0, filters: 0, 'code and data': 0 };
    for (const file of files) kinds[fileKind(file.url)] += file.bytes;
    return { ms: shown - (acted ?? shown), bytes: files.reduce((sum, file) => sum + file.bytes, 0), kinds, files };
  } finally {
    await context.close();
  }
}
