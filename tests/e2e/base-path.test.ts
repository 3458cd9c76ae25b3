/**
 * The whole site built for a base path (BASE_PATH=/reader/) and its public address (SITE_URL),
 * and served below it, as when it lives in a folder of a larger site: every link, asset and
 * #fragment stays under /reader/, pages are styled, navigation and anchors work, the 404 page
 * finds its way home, and every citation, meta tag and copied link gives the public address.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseHeadersFile } from '../../src/lib/headers-file.ts';
import { checkSite, formatProblem } from '../../tools/site-links.ts';
import { astroBuild } from '../../tools/astro-build.ts';
import { sharedBrowser } from './fixture.ts';
import { type BuiltSite, readBuiltSite, siteLayout } from '../../tools/built-site.ts';
import { type StaticServer, serveStatic } from '../../tools/static-server.ts';
import { zoteroItem } from '../helpers/zotero-embedded-metadata.ts';

const base = '/reader/';
// The address it is published at: an origin of the reserved .test domain, so that nothing here
// could reach a real site.
const siteUrl = 'https://archive.test';
const published = `${siteUrl}${base}documents/antonov-mao-1959-10-14/`;
const work = mkdtempSync(join(tmpdir(), 'edition-base-path-'));
const outDir = join(work, 'dist');
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const result = astroBuild(outDir, { BASE_PATH: base, SITE_URL: siteUrl });
  if (result.status !== 0) throw new Error(`The build with BASE_PATH=${base} failed:\n${result.stdout}\n${result.stderr}`);
  site = readBuiltSite(outDir);
  server = await serveStatic(outDir, base, { headersFile: true });
  browser = await sharedBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe(`built for ${base}`, () => {
  test('every link, asset and #fragment resolves inside the base path', () => {
    const report = checkSite(site.files, new Map([...site.pages].map(([file, page]) => [file, page.parsed])), siteLayout(base, siteUrl), new Set(['404.html']));
    expect(site.pages.size).toBeGreaterThanOrEqual(3);
    expect(report.checked).toBeGreaterThan(100);
    expect(report.problems.map(formatProblem)).toEqual([]);
  });

  test('built with SITE_URL, the canonical link, Open Graph, JSON-LD, every citation and Zotero give the public address', () => {
    const html = readFileSync(join(outDir, 'documents/antonov-mao-1959-10-14/index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${published}">`);
    expect(html).toContain(`<meta property="og:url" content="${published}">`);
    expect(html).toContain(`<meta name="citation_public_url" content="${published}">`);
    expect(html).toContain(`"url":"${published}"`);
    expect(zoteroItem(html, `http://127.0.0.1:1${base}documents/antonov-mao-1959-10-14/`)['url']).toBe(published);
    const bibtex = readFileSync(join(outDir, 'documents/antonov-mao-1959-10-14/antonov-mao-1959-10-14.bib'), 'utf8');
    expect(bibtex).toContain(`url = {${published}}`);
    const citations = JSON.parse(readFileSync(join(outDir, 'documents/antonov-mao-1959-10-14/citations.json'), 'utf8')) as {
      paragraphs: { id: string; url: string; chicagoNote: { text: string } }[];
    };
    const p12 = citations.paragraphs.find((paragraph) => paragraph.id === 'p12');
    expect(p12?.url).toBe(`${published}#p12`);
    expect(p12?.chicagoNote.text).toContain(`${published}#p12`);
  });

  test('_headers names the paths below the base path, as a host reading it at the root of the origin needs', () => {
    const rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
    expect(rules.map((rule) => rule.pattern)).toEqual([`${base}*`, `${base}*`, `${base}_astro/*`]);
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

  test('the headers of _headers reach the pages and files below the base path', async () => {
    const page = await fetch(new URL('documents/antonov-mao-1959-10-14/', server.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none';.*frame-ancestors 'none'$/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBeNull();
    const stylesheet = [...site.files].find((file) => /^_astro\/[^/]+\.css$/.test(file));
    expect(stylesheet).toBeDefined();
    const asset = await fetch(new URL(stylesheet ?? '', server.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  test('the copied link is the public address, wherever the page was opened', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const page = await context.newPage();
    await page.goto(new URL('documents/antonov-mao-1959-10-14/', server.url).href);
    await page.locator('#p12 .para-cite').click();
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 5_000 }).toBe(`${published}#p12`);
    await context.close();
  });

  test('a paragraph link lands on its paragraph', async () => {
    const { page } = await visit('documents/antonov-mao-1959-10-14/#p12');
    expect(await page.locator('#p12').evaluate((element) => element.matches(':target'))).toBe(true);
    // At once, not after an animated scroll (no reduced-motion preference here).
    const top = (await page.locator('#p12').boundingBox())?.y ?? -1;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
    await page.click('#p20 .pnum');
    expect(new URL(page.url()).pathname).toBe(`${base}documents/antonov-mao-1959-10-14/`);
    expect(new URL(page.url()).hash).toBe('#p20');
    await page.context().close();
  });

  test('a missing page gets the styled 404 page, whose links lead home', async () => {
    const { page, requests } = await visit('documents/no-such-document/');
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    const styles = requests.filter(({ url }) => url.endsWith('.css'));
    expect(styles.length).toBeGreaterThan(0);
    expect(styles.filter(({ status }) => status !== 200)).toEqual([]);
    await page.click('main a');
    expect(new URL(page.url()).pathname).toBe(base);
    expect(await page.locator('.document-table a').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  test('search runs below the base path: its index loads from there, results and highlight stay inside it', async () => {
    // The header's box first, in place: its results link below the base path too.
    const { page, requests } = await visit('');
    await page.locator('#site-search').pressSequentially('Jinmen');
    await page.waitForFunction(() => /for “Jinmen”/.test(document.querySelector('#site-search-panel [role="status"]')?.textContent ?? ''), null, {
      timeout: 30_000,
    });
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
