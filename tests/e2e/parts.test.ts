/**
 * An archive built in two parts by year (scripts/build-parts.ts), deployed side by side on one
 * origin: the search page of one part finds documents of both, links into the right part and
 * lands on the paragraph; each part's own links resolve inside it; a part whose neighbour is
 * missing still searches itself and says what it left out.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildArchiveInParts, type PartReport } from '../../tools/build-parts.ts';
import { writeSyntheticCollection } from '../../tools/synthetic-collection.ts';
import { parsePartRanges } from '../../src/content/archive-parts.ts';
import { checkSite, formatProblem } from '../../tools/site-links.ts';
import { sharedBrowser } from './fixture.ts';
import { readBuiltSite, siteLayout } from '../../tools/built-site.ts';
import { type StaticServer, serveStatic } from '../../tools/static-server.ts';

const first = '/archive/1949-1969/';
const second = '/archive/1970-1991/';
const work = mkdtempSync(join(tmpdir(), 'edition-parts-'));
const collection = join(work, 'collection');
const out = join(work, 'out');
let reports: PartReport[];
let server: StaticServer;
let browser: Browser;

/** Each part's index in bundles of 50 pages (about three a part), as a large part's would be. */
const pagesPerBundle = 50;

beforeAll(async () => {
  // Six documents: four of the 1950s and 1960s, two of the 1970s and 1980s.
  writeSyntheticCollection(6, collection);
  // This test file's own process: the parts' builds inherit it.
  process.env['SEARCH_PAGES_PER_BUNDLE'] = String(pagesPerBundle);
  reports = buildArchiveInParts({ collection, out, ranges: parsePartRanges('1949-1969,1970-1991'), prefix: '/archive/' });
  server = await serveStatic(out, '/', { headersFile: true });
  browser = await sharedBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Visit {
  page: Page;
  requests: { url: string; status: number }[];
  problems: string[];
}

async function visit(url: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const requests: Visit['requests'] = [];
  const problems: string[] = [];
  // A request can finish as the page closes: its response is then gone, not an error.
  page.on('requestfinished', async (request) => requests.push({ url: request.url(), status: (await request.response().catch(() => null))?.status() ?? 0 }));
  page.on('requestfailed', (request) => requests.push({ url: request.url(), status: 0 }));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, requests, problems };
}

const resultLinks = (page: Page) =>
  page.$$eval('#search-results a', (anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));

test('the script builds each part under its own base path, with one _headers for both', () => {
  expect(reports.map((part) => [part.base, part.documents])).toEqual([
    [first, 4],
    [second, 2],
  ]);
  for (const part of reports) {
    expect(existsSync(join(out, part.base, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(out, part.base, '_headers'))).toBe(false);
  }
  const headers = readFileSync(join(out, '_headers'), 'utf8');
  expect(headers).toContain(`${first}*\n  Content-Security-Policy:`);
  expect(headers).toContain(`${second}*\n  Content-Security-Policy:`);
  // The other part, and only it, is what each part's search merges.
  for (const [base, other] of [
    [first, second],
    [second, first],
  ] as const) {
    const parts = JSON.parse(readFileSync(join(out, base, 'search/parts.json'), 'utf8')) as {
      own: { base: string };
      others: { base: string; bundle: string }[];
    } | null;
    expect(parts?.own.base).toBe(base);
    expect(parts?.others.map((part) => part.bundle)).toEqual([`${other}pagefind/`]);
  }
  // The site built without SEARCH_PARTS has no list of parts: its search is as it was.
  expect(JSON.parse(readFileSync('dist/search/parts.json', 'utf8'))).toBeNull();
});

describe.each([first, second])('the part at %s alone', (base) => {
  test('every link, asset and #fragment of its pages resolves inside it', () => {
    const site = readBuiltSite(join(out, base));
    const report = checkSite(site.files, new Map([...site.pages].map(([file, page]) => [file, page.parsed])), siteLayout(base), new Set(['404.html']));
    expect(report.checked).toBeGreaterThan(100);
    expect(report.problems.map(formatProblem)).toEqual([]);
  });
});

describe('searching from the first part', () => {
  test('finds paragraphs of both parts, grouped by document, each linking into its own part', async () => {
    const { page, requests, problems } = await visit(new URL(`${first.slice(1)}search/?q=Chinese`, server.url).href);
    await page.waitForFunction(() => /for “Chinese”/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 30_000 });
    const links = await resultLinks(page);
    const documentLinks = links.filter((path) => path.includes('/documents/'));
    expect(documentLinks.some((path) => path.startsWith(`${first}documents/`))).toBe(true);
    expect(documentLinks.some((path) => path.startsWith(`${second}documents/`))).toBe(true);
    // One group per document: every heading a different document, from both parts.
    const headings = await page.$$eval('#search-results section h2', (elements) => elements.map((element) => element.textContent ?? ''));
    const documents = headings.filter((heading) => heading.startsWith('Synthetic record'));
    expect(documents.length).toBe(6);
    expect(new Set(documents).size).toBe(documents.length);
    // Both indexes were loaded from their own parts, every bundle of each, from this origin, all answered.
    const origin = new URL(server.url).origin;
    const bundles = requests.filter(({ url }) => url.includes('/pagefind/'));
    for (const base of [first, second]) {
      const listed = JSON.parse(readFileSync(join(out, base, 'pagefind', 'bundles.json'), 'utf8')) as string[];
      expect(listed.length, base).toBeGreaterThan(0);
      for (const folder of ['', ...listed]) {
        const entry = `${base}pagefind/${folder}pagefind-entry.json`;
        expect(
          bundles.some(({ url }) => new URL(url).pathname === entry),
          entry,
        ).toBe(true);
      }
    }
    expect(requests.filter(({ url }) => new URL(url).origin !== origin)).toEqual([]);
    expect(requests.filter(({ status }) => status !== 200)).toEqual([]);
    // No policy violation, no error: the page's own CSP (from the root _headers) lets it merge.
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("a name's entries come from both parts, each labelled with its part", async () => {
    const { page } = await visit(new URL(`${first.slice(1)}search/?q=Mao%20Zedong`, server.url).href);
    await page.waitForFunction(() => /for “Mao Zedong”/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 30_000 });
    const entries = await page.$$eval('#search-results a', (anchors) =>
      anchors
        .filter((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname.includes('/entities/mao-zedong/'))
        .map((anchor) => [new URL((anchor as HTMLAnchorElement).href).pathname, anchor.textContent]),
    );
    expect(entries).toEqual(
      expect.arrayContaining([
        [`${first}entities/mao-zedong/`, 'Mao Zedong (1949-1969)'],
        [`${second}entities/mao-zedong/`, 'Mao Zedong (1970-1991)'],
      ]),
    );
    // The name's own entries rank first.
    const firstLinks = (await resultLinks(page)).slice(0, 2);
    expect(firstLinks.every((path) => path.endsWith('/entities/mao-zedong/'))).toBe(true);
    await page.context().close();
  });

  test('the Part filter keeps the results of one part', async () => {
    const { page } = await visit(new URL(`${first.slice(1)}search/?q=Chinese`, server.url).href);
    await page.waitForFunction(() => /for “Chinese”/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 30_000 });
    await page.locator('#search-filters-box summary').click();
    const partBox = page.locator('#search-filters input[name="part"][value="1970-1991"]');
    await partBox.waitFor();
    expect(await page.locator('#search-filters input[name="part"]').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value))).toEqual([
      '1949-1969',
      '1970-1991',
    ]);
    await partBox.check();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('filter').includes('part:1970-1991'));
    await expect
      .poll(async () => {
        const links = await resultLinks(page);
        return links.length > 0 && links.every((path) => path.startsWith(second));
      })
      .toBe(true);
    await page.context().close();
  });

  test('a result from the other part leads to a page there and lands on the paragraph, words marked', async () => {
    const { page } = await visit(new URL(`${first.slice(1)}search/?q=Chinese`, server.url).href);
    await page.waitForFunction(() => /for “Chinese”/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 30_000 });
    const link = page.locator(`#search-results a[href^="${second}documents/"][href*="#p"]`).first();
    const href = (await link.getAttribute('href')) ?? '';
    const target = new URL(href, server.url);
    expect((await fetch(new URL(target.pathname, server.url))).status).toBe(200);
    const id = target.hash.slice(1);
    await link.click();
    await page.waitForURL((url) => url.pathname === target.pathname && url.hash === `#${id}`);
    expect(await page.locator(`[id="${id}"]`).evaluate((element) => element.matches(':target'))).toBe(true);
    await expect.poll(() => page.locator(`[id="${id}"] mark.search-hit`).count()).toBeGreaterThan(0);
    await expect.poll(async () => (await page.locator(`[id="${id}"]`).boundingBox())?.y ?? -1, { timeout: 5_000 }).toBeLessThan(200);
    await page.context().close();
  });
});

test('a part whose neighbour is missing still searches itself, and says which part it left out', async () => {
  const alone = await serveStatic(join(out, first), first, { headersFile: false });
  try {
    const { page } = await visit(`${alone.url}search/?q=Chinese`);
    await page.waitForFunction(() => /for “Chinese”/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 30_000 });
    const links = (await resultLinks(page)).filter((path) => path.includes('/documents/'));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((path) => path.startsWith(first))).toBe(true);
    expect(await page.locator('#search-status').textContent()).toMatch(/Part 1970-1991 not searched: its index did not load\.$/);
    await page.context().close();
  } finally {
    await alone.close();
  }
});
