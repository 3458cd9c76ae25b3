/**
 * The weight budget of a reading page, in gzip bytes counted from the built files (exact and
 * repeatable, unlike timings), and a check in Chromium that the count misses nothing the page
 * really loads before the reader does anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { init, parse } from 'es-module-lexer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { fileOf } from '../../tools/site-links.ts';
import { weighPage } from '../../tools/page-weight.ts';
import { sharedBrowser } from './fixture.ts';
import { readBuiltSite, siteLayout } from '../../tools/built-site.ts';

/**
 * HTML + CSS + JavaScript of a reading page, gzip, before any interaction. Measured 27,311 bytes
 * on 2026-11-27 before names, search and citing; 46,207 bytes with them (HTML 37,822, CSS 4,417,
 * JS 3,968). Lowered to 30,059 bytes (HTML 25,609; CSS 3,043; JS 1,407) with the margin notes
 * rewritten on primary sources and scholarship, by carrying only what a reader of the page
 * uses: the list of names on a page of its own and their notes fetched on first hover, later
 * mentions as plain text, the search facets and the paragraphs' search titles only in the
 * index's copy of the page, the styles of other pages in a stylesheet of their own, and the
 * Cite dialog, the notes on names and the search highlight loaded when first used. The budget
 * is 30 KiB: anything that adds weight to every reading page has to raise it on purpose.
 */
const readingPageBudget = 30 * 1024;

/**
 * JavaScript that a reading page loads before any interaction, gzip: one small module (the
 * "Show names" switch, the paragraphs' Cite buttons, the search box's loader and what wakes the
 * rest on first use), 1,407 bytes. Reading, notes, anchors and print work without it (tested
 * with JavaScript off); the dialog, the notes on names and search load only when used.
 */
const scriptBudget = 2 * 1024;

/** Elements of a reading page once its script has run, before any interaction. */
const elementBudget = 1000;

const layout = siteLayout();
const site = readBuiltSite('dist');
const readingPages = [...site.pages.keys()].filter((file) => /^documents\/[^/]+\/index\.html$/.test(file));

function weigh(file: string) {
  const pageUrl = new URL(`${layout.base}${file.replace(/index\.html$/, '')}`, layout.origin).href;
  return weighPage(pageUrl, readFileSync(join('dist', file)), (url) => {
    const target = fileOf(url.pathname, layout.base);
    if (target === undefined || url.origin !== layout.origin) throw new Error(`${file} loads ${url.href}, outside the site`);
    return readFileSync(join('dist', target));
  });
}

describe('weight budget of the reading pages', () => {
  test('there are reading pages to weigh', () => {
    expect(readingPages.length).toBeGreaterThan(0);
  });

  test.each(readingPages)('%s: HTML + CSS + JS within the budget', (file) => {
    const weight = weigh(file);
    expect(weight.html).toBeGreaterThan(10_000);
    expect(weight.css).toBeGreaterThan(1_000);
    expect(weight.total, `gzip bytes: ${weight.assets.map((asset) => `${asset.url} ${asset.gzip}`).join(', ')}`).toBeLessThanOrEqual(readingPageBudget);
  });

  test.each(readingPages)('%s: little JavaScript before any interaction, and no chain of modules', async (file) => {
    expect(weigh(file).js).toBeLessThanOrEqual(scriptBudget);
    // Each script the page names runs as it arrives: none waits on a module it imports first.
    await init;
    const scripts = weigh(file).assets.filter((asset) => asset.kind === 'js');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = readFileSync(join('dist', new URL(script.url, 'https://site.invalid/').pathname), 'utf8');
      const [imports] = parse(code);
      expect(
        imports.filter((entry) => entry.d === -1).map((entry) => entry.n),
        script.url,
      ).toEqual([]);
    }
  });
});

describe('what Chromium loads is what was weighed, and no more elements than the budget', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test.each(readingPages)('%s', async (file) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const loaded: { type: string; url: string }[] = [];
    page.on('request', (request) => loaded.push({ type: request.resourceType(), url: request.url() }));
    const url = new URL(file.replace(/index\.html$/, ''), inject('siteUrl')).href;
    await page.goto(url, { waitUntil: 'networkidle' });
    // As many elements as a reader's browser holds once the page's script has run.
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    expect(elements).toBeGreaterThan(100);
    expect(elements).toBeLessThanOrEqual(elementBudget);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    await context.close();

    const weighed = new Set(weigh(file).assets.map((asset) => new URL(asset.url, url).pathname));
    const unweighed = loaded.filter(
      ({ type, url: requested }) => ['document', 'stylesheet', 'script', 'fetch', 'xhr', 'font'].includes(type) && !weighed.has(new URL(requested).pathname),
    );
    expect(unweighed).toEqual([]);
    // Besides the weighed files (scripts included), only the site's icon.
    expect(
      loaded
        .filter(({ type }) => !['document', 'stylesheet', 'script'].includes(type))
        .map(({ url: requested }) => new URL(requested).pathname.split('/').at(-1)),
    ).toEqual(['favicon.svg']);
  });
});
