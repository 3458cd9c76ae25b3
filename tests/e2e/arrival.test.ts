/**
 * Arriving at a paragraph: a permalink (`…/#p20`) or a note opens the page at its target at once,
 * not after an animated scroll. Every anchor of the lock file is loaded cold (no cache, a page
 * that was not open before) on a wide and a narrow screen, with JavaScript on and off, and with
 * the reader's default of no preference for reduced motion, where an animated scroll would show.
 * The target is measured 100 ms after the load event: an animated scroll (the browser's own, as
 * `scroll-behavior: smooth` makes it) takes a second or two to bring a paragraph down the page
 * into view, so the target is not there yet.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { AnchorLock } from '../../src/lib/anchors.ts';
import { sharedBrowser } from './fixture.ts';

const lock = JSON.parse(readFileSync('content/anchors.lock.json', 'utf8')) as AnchorLock;
const anchors = Object.entries(lock).flatMap(([slug, ids]) => Object.keys(ids).map((id) => ({ slug, id })));

interface Probe {
  top: number;
  bottom: number;
  height: number;
  scrollY: number;
}

/** Where the element with `id` stands in the viewport, and how far the page has scrolled. */
function probe(page: Page, id: string): Promise<Probe> {
  return page.evaluate((target) => {
    const box = document.getElementById(target)?.getBoundingClientRect();
    return { top: box?.top ?? Number.NaN, bottom: box?.bottom ?? Number.NaN, height: window.innerHeight, scrollY: window.scrollY };
  }, id);
}

const inView = (at: Probe) => at.top >= -1 && at.top < at.height && at.bottom > 0;

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cases = [
  { name: 'wide screen, JavaScript on', width: 1440, height: 900, javaScriptEnabled: true },
  { name: 'wide screen, JavaScript off', width: 1440, height: 900, javaScriptEnabled: false },
  { name: 'phone, JavaScript on', width: 390, height: 844, javaScriptEnabled: true },
  { name: 'phone, JavaScript off', width: 390, height: 844, javaScriptEnabled: false },
];

describe.each(cases)('a paragraph link opens at its paragraph at once: $name', ({ width, height, javaScriptEnabled }) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled, reducedMotion: 'no-preference' });
  });
  afterAll(async () => {
    await context?.close();
  });

  test(`every anchor of the lock file (${anchors.length}) is in view 100 ms after the load event`, { timeout: 120_000 }, async () => {
    const late: string[] = [];
    // Three tabs side by side; each load is a new page with the cache off: a cold arrival.
    const queue = [...anchors];
    const worker = async () => {
      const page = await context.newPage();
      const session = await context.newCDPSession(page);
      await session.send('Network.setCacheDisabled', { cacheDisabled: true });
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        await page.goto('about:blank');
        await page.goto(`${inject('siteUrl')}documents/${next.slug}/#${next.id}`, { waitUntil: 'load' });
        await page.waitForTimeout(100);
        const after100 = await probe(page, next.id);
        if (!inView(after100))
          late.push(`${next.id}: ${Math.round(after100.top)} px from the top of a ${after100.height} px window, 100 ms after the load event`);
      }
      await page.close();
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(late).toEqual([]);
  });
});

describe('a note opened by its number on a phone', () => {
  test('is in view in the same frame as the tap, and the page does not glide on', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'no-preference' });
    const page = await context.newPage();
    await page.goto(`${inject('siteUrl')}documents/${anchors[0]?.slug}/`);
    const references = await page.$$eval('a[role="doc-noteref"]', (links) => links.map((link) => link.getAttribute('href')?.slice(1) ?? ''));
    expect(references.length).toBeGreaterThan(0);
    const late: string[] = [];
    for (const note of references) {
      // Scrolled to the top between notes, so that every note is a real move down the page.
      await page.evaluate(() => window.scrollTo(0, 0));
      const atTap = await page.evaluate(async (id) => {
        document.querySelector<HTMLElement>(`a[role="doc-noteref"][href="#${id}"]`)?.click();
        // The next frame after the tap: what the reader sees first.
        await new Promise(requestAnimationFrame);
        const box = document.getElementById(id)?.getBoundingClientRect();
        return { top: box?.top ?? Number.NaN, bottom: box?.bottom ?? Number.NaN, height: window.innerHeight, scrollY: window.scrollY };
      }, note);
      await page.waitForTimeout(50);
      const later = await probe(page, note);
      if (!inView(atTap) || later.scrollY !== atTap.scrollY) {
        late.push(`${note}: top ${Math.round(atTap.top)} in the frame after the tap; scrolled ${later.scrollY - atTap.scrollY}px more in 50 ms`);
      }
    }
    expect(late).toEqual([]);
    await context.close();
  });
});
