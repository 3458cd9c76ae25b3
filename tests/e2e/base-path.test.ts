/**
 * The whole site built for a base path (BASE_PATH=/reader/) and served below it, as when it
 * lives in a folder of a larger site: every link, asset and #fragment stays under /reader/,
 * pages are styled, navigation and anchors work, and the 404 page finds its way home.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSite, formatProblem } from '../../src/lib/site-links.ts';
import { astroBuild } from '../helpers/astro-build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { type BuiltSite, readBuiltSite, siteLayout } from '../helpers/built-site.ts';
import { type StaticServer, serveStatic } from '../helpers/static-server.ts';

const base = '/reader/';
const work = mkdtempSync(join(tmpdir(), 'edition-base-path-'));
const outDir = join(work, 'dist');
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const result = astroBuild(outDir, { BASE_PATH: base });
  if (result.status !== 0) throw new Error(`The build with BASE_PATH=${base} failed:\n${result.stdout}\n${result.stderr}`);
  site = readBuiltSite(outDir);
  server = await serveStatic(outDir, base, { headersFile: true });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe(`built for ${base}`, () => {
  test('every link, asset and #fragment resolves inside the base path', () => {
    const report = checkSite(
      site.files,
      new Map([...site.pages].map(([file, page]) => [file, page.parsed])),
      siteLayout(base),
      new Set(['404.html']),
    );
    expect(site.pages.size).toBeGreaterThanOrEqual(3);
    expect(report.checked).toBeGreaterThan(100);
    expect(report.problems.map(formatProblem)).toEqual([]);
  });

  test('every root-relative address in the pages starts with the base path', () => {
    const outside = [...site.pages].flatMap(([file, page]) =>
      page.parsed.links.filter((link) => link.url.startsWith('/') && !link.url.startsWith(base)).map((link) => `${file}: ${link.url}`),
    );
    expect(outside).toEqual([]);
  });
});

describe(`served below ${base}`, () => {
  async function visit(path: string): Promise<{ page: Page; requests: { url: string; status: number }[] }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const requests: { url: string; status: number }[] = [];
    // A request can finish as the page closes: its response is then gone, not an error.
    page.on('requestfinished', async (request) => requests.push({ url: request.url(), status: (await request.response().catch(() => null))?.status() ?? 0 }));
    page.on('requestfailed', (request) => requests.push({ url: request.url(), status: 0 }));
    await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
    return { page, requests };
  }

  test('from the home page to the document by keyboard: styled, and nothing asked outside the base', async () => {
    const { page, requests } = await visit('');
    await page.focus('.document-table a');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/reader\/documents\/antonov-mao-1959-10-14\/$/);
    await page.waitForLoadState('networkidle');
    // The stylesheet applied: paragraph numbers stand in the gutter, notes in the margin.
    expect(await page.$eval('#p12 .pnum', (number) => getComputedStyle(number).position)).toBe('absolute');
    expect(await page.$eval('#fn-warsaw', (note) => getComputedStyle(note).float)).toBe('right');
    const origin = new URL(server.url).origin;
    expect(requests.length).toBeGreaterThan(4);
    expect(requests.filter(({ url }) => new URL(url).origin !== origin || !new URL(url).pathname.startsWith(base))).toEqual([]);
    expect(requests.filter(({ status }) => status !== 200)).toEqual([]);
    expect(requests.map(({ url }) => new URL(url).pathname)).toContain(`${base}favicon.svg`);
    await page.context().close();
  });

  test('a paragraph link lands on its paragraph', async () => {
    const { page } = await visit('documents/antonov-mao-1959-10-14/#p12');
    expect(await page.locator('#p12').evaluate((element) => element.matches(':target'))).toBe(true);
    // Scrolling may be smooth (no reduced-motion preference here): wait for it to settle.
    await expect.poll(async () => (await page.locator('#p12').boundingBox())?.y ?? -1, { timeout: 5_000 }).toBeLessThan(100);
    expect((await page.locator('#p12').boundingBox())?.y).toBeGreaterThanOrEqual(0);
    await page.click('#p20 .pnum');
    expect(new URL(page.url()).pathname).toBe(`${base}documents/antonov-mao-1959-10-14/`);
    expect(new URL(page.url()).hash).toBe('#p20');
    await page.context().close();
  });

  test('a missing page gets the styled 404 page, whose links lead home', async () => {
    const { page, requests } = await visit('documents/no-such-document/');
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(requests.filter(({ url }) => url.endsWith('.css')).map(({ status }) => status)).toEqual([200]);
    await page.click('main a');
    expect(new URL(page.url()).pathname).toBe(base);
    expect(await page.locator('.document-table a').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  test('search runs below the base path: its index loads from there, results and highlight stay inside it', async () => {
    // The header's box first, in place: its results link below the base path too.
    const { page, requests } = await visit('');
    await page.locator('#site-search').pressSequentially('Jinmen');
    await page.waitForFunction(() => /for “Jinmen”/.test(document.querySelector('#site-search-panel [role="status"]')?.textContent ?? ''), null, { timeout: 30_000 });
    const inPlace = await page.$$eval('#site-search-panel a', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
    expect(inPlace.length).toBeGreaterThan(1);
    for (const path of inPlace) expect(path.startsWith(base), path).toBe(true);
    await page.goto(new URL('search/?q=Jinmen', page.url()).href);
    await page.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0, null, { timeout: 30_000 });
    const origin = new URL(server.url).origin;
    const pagefind = requests.filter(({ url }) => url.includes('/pagefind/'));
    expect(pagefind.length).toBeGreaterThan(0);
    for (const { url, status } of pagefind) {
      expect(new URL(url).pathname.startsWith(`${base}pagefind/`), url).toBe(true);
      expect(status, url).toBe(200);
    }
    const hrefs = await page.$$eval('#search-results a', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    for (const href of hrefs) expect(new URL(href).pathname.startsWith(base), href).toBe(true);
    await page.locator('#search-results a[href*="#p10"]').first().click();
    await page.waitForURL(`${origin}${base}documents/antonov-mao-1959-10-14/?highlight=*#p10`);
    await expect.poll(() => page.locator('#p10 mark.search-hit').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
