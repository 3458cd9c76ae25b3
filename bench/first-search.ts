/**
 * One cold first search in Chromium, as the benchmarks measure it for the edition and for
 * Starlight alike: a fresh browser context (empty cache), the page loaded and settled, then the
 * reader's first action on the search box and the query typed. Times are taken in the page:
 * from the action to the moment the first result is in the page (a MutationObserver sees it),
 * so that the harness's own polling adds nothing.
 */
import type { Browser, Request } from 'playwright-core';
import { gzipSize } from '../tools/page-weight.ts';
import type { FirstSearch } from './baselines.ts';

export type FileKind = 'engine' | 'index' | 'fragments' | 'filters' | 'code and data';

export interface FirstSearchRun {
  /** Milliseconds from the first action on the search box to the first result shown. */
  ms: number;
  /**
   * Bytes as sent (gzip where the server compressed them) of every file the search requested
   * before its first result was shown: every file requested from the first action on, and every
   * Pagefind file requested before it (a page may load Pagefind before the reader searches).
   */
  bytes: number;
  /** The same, for every file requested until the search had settled (no request for half a second). */
  settledBytes: number;
  /** The bytes before the first result, by kind of file. */
  kinds: Record<FileKind, number>;
  /** The files counted until the search settled, with their bytes, in the order requested. */
  files: { url: string; bytes: number; beforeResult: boolean }[];
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

/** Bytes as sent: Chromium's count, or (it gives none for a worker's script) the body, compressed as the server sent it. */
async function sentBytes(request: Request): Promise<number> {
  const response = await request.response();
  if (!response) return 0;
  await response.finished();
  const sent = (await request.sizes()).responseBodySize;
  if (sent > 0) return sent;
  const body = await response.body();
  return (await response.allHeaders())['content-encoding'] === 'gzip' ? gzipSize(body) : body.length;
}

export async function measureFirstSearch(browser: Browser, siteUrl: string, query: string, site: FirstSearch): Promise<FirstSearchRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((selector) => {
    const record = () => {
      if ((window as { firstResultAt?: number }).firstResultAt === undefined && document.querySelector(selector)) {
        (window as { firstResultAt?: number }).firstResultAt = performance.timeOrigin + performance.now();
      }
    };
    new MutationObserver(record).observe(document, { childList: true, subtree: true, attributes: true });
  }, site.result);
  let acting = false;
  let lastRequest = performance.now();
  const requests: { request: Request; afterAction: boolean }[] = [];
  page.on('request', (request) => {
    lastRequest = performance.now();
    if (acting || request.url().includes('/pagefind/')) requests.push({ request, afterAction: acting });
  });
  try {
    await site.open(page, siteUrl);
    const actedAt = await page.evaluate(() => performance.timeOrigin + performance.now());
    acting = true;
    await site.search(page, query);
    const shownAt = Number(
      await (await page.waitForFunction(() => (window as { firstResultAt?: number }).firstResultAt, null, { timeout: 30_000 })).jsonValue(),
    );
    // Settled: no new request for half a second.
    while (performance.now() - lastRequest < 500) await page.waitForTimeout(100);
    const files = await Promise.all(
      requests.map(async ({ request }) => ({
        url: request.url(),
        bytes: await sentBytes(request).catch(() => 0),
        beforeResult: request.timing().startTime <= shownAt,
      })),
    );
    const before = files.filter((file) => file.beforeResult);
    const kinds: Record<FileKind, number> = { engine: 0, index: 0, fragments: 0, filters: 0, 'code and data': 0 };
    for (const file of before) kinds[fileKind(file.url)] += file.bytes;
    const sum = (list: typeof files) => list.reduce((total, file) => total + file.bytes, 0);
    return { ms: shownAt - actedAt, bytes: sum(before), settledBytes: sum(files), kinds, files };
  } finally {
    await context.close();
  }
}
