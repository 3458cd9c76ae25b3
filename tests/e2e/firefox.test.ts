/**
 * The reader's main paths in a second engine, Firefox ESR, so that layout and keyboard behaviour
 * are not one engine's result: the memorandum's notes in the margin on a wide screen, a note
 * opened and closed by keyboard on a phone, arrival at a paragraph link, the skip link, and the
 * search box. The same assertions as reading.test.ts, arrival.test.ts and search.test.ts make in
 * Chromium, on fewer cases: one browser, one tab, a handful of page loads. How notes stack and
 * the whole walk by Tab are tested in Firefox too, on the layout fixture (layout.test.ts).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { AnchorLock } from '../../src/lib/anchors.ts';
import { launchFirefox } from '../../tools/firefox.ts';
import { readDocumentSource } from '../helpers/document-source.ts';
import { expectInMargin, expectNoOverlap, measureNotes, type NoteBox, textRightOf } from '../helpers/margin-notes.ts';

const documentPath = 'documents/antonov-mao-1959-10-14/';
/** The memorandum's notes, as its Markdown has them. */
const { notes: sourceNotes } = readDocumentSource('content/documents/antonov-mao-1959-10-14.md');
const site = () => inject('siteUrl');

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchFirefox();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Loads `path` of the site afresh in the one tab, at a window of `width` × `height`. */
async function open(width: number, height: number, path = documentPath): Promise<void> {
  await page.setViewport({ width, height });
  // Through a blank page, so that a URL differing only in its hash is a new load, not a jump.
  await page.goto('about:blank');
  await page.goto(`${site()}${path}`, { waitUntil: 'load' });
}

/** Seen as Playwright's isVisible sees it: rendered, not visibility: hidden, and not empty. */
const isVisible = (selector: string) =>
  page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    return element.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0;
  });
const activeId = () => page.evaluate(() => document.activeElement?.id);

describe('a wide screen (1440 px)', () => {
  let notes: NoteBox[];
  let textRight: number;
  beforeAll(async () => {
    await open(1440, 900);
    textRight = await page.$eval('.document-text', textRightOf);
    notes = await page.$$eval('.sidenote', measureNotes);
  });

  test('every note of the document is there, numbered in the order of its references', () => {
    expect(notes.map((note) => note.id)).toEqual(sourceNotes);
    notes.forEach((note, index) => {
      expect(note.refNumber, note.id).toBe(String(index + 1));
    });
  });

  test('every gloss sits in the margin, right of the text column and inside the window', () => {
    expectInMargin(notes, textRight, 1440);
  });

  test('glosses never overlap one another', () => {
    expectNoOverlap(notes);
  });
});

describe('a phone (390 px)', () => {
  test('the page fits the screen; a gloss is hidden until opened by keyboard, takes focus, and closes back to its number', async () => {
    await open(390, 844);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'nothing scrolls sideways').toBeLessThanOrEqual(0);
    expect(await isVisible('#fn-quemoy-matsu')).toBe(false);

    await page.focus('#fnref-quemoy-matsu');
    await page.keyboard.press('Enter');
    await expect.poll(() => isVisible('#fn-quemoy-matsu')).toBe(true);
    expect(await activeId()).toBe('fn-quemoy-matsu');
    const opened = await page.$eval('#fn-quemoy-matsu', (note) => {
      const box = note.getBoundingClientRect();
      return { left: box.left, right: box.right, top: box.top, bottom: box.bottom, height: window.innerHeight, focusVisible: note.matches(':focus-visible') };
    });
    expect(opened.left).toBeGreaterThanOrEqual(0);
    expect(opened.right).toBeLessThanOrEqual(390);
    expect(opened.bottom > 0 && opened.top < opened.height, 'the opened note is in view').toBe(true);
    expect(opened.focusVisible).toBe(true);

    await page.focus('#fn-quemoy-matsu .sidenote-close');
    await page.keyboard.press('Enter');
    await expect.poll(() => isVisible('#fn-quemoy-matsu')).toBe(false);
    expect(new URL(page.url()).hash).toBe('#fnref-quemoy-matsu');
    expect(await activeId()).toBe('fnref-quemoy-matsu');
  });
});

describe('arriving at a paragraph link', () => {
  const lock = JSON.parse(readFileSync('content/anchors.lock.json', 'utf8')) as AnchorLock;
  // Every fifth anchor of the lock file: arrival.test.ts loads them all in Chromium. Firefox does
  // not animate the scroll to a fragment on load even under `scroll-behavior: smooth` (Chromium
  // does, and arrival.test.ts catches it there); what this catches is a target Firefox leaves
  // out of view: a scroll margin, a layout that moves after load, a script that scrolls.
  const sample = Object.entries(lock)
    .flatMap(([slug, ids]) => Object.keys(ids).map((id) => ({ slug, id })))
    .filter((_, index) => index % 5 === 0);

  test.each([
    [1440, 900],
    [390, 844],
  ])(`at %i px, each of ${sample.length} anchors is in view 100 ms after the load event`, async (width, height) => {
    expect(sample.length).toBeGreaterThan(0);
    await page.setViewport({ width, height });
    // A cold arrival: the cache bypassed, each link a load from a blank page.
    await page.setCacheEnabled(false);
    const late: string[] = [];
    try {
      for (const { slug, id } of sample) {
        await page.goto('about:blank');
        await page.goto(`${site()}documents/${slug}/#${id}`, { waitUntil: 'load' });
        await new Promise((resolve) => setTimeout(resolve, 100));
        const at = await page.evaluate((target) => {
          const box = document.getElementById(target)?.getBoundingClientRect();
          return { top: box?.top ?? Number.NaN, bottom: box?.bottom ?? Number.NaN, height: window.innerHeight };
        }, id);
        if (!(at.top >= -1 && at.top < at.height && at.bottom > 0)) late.push(`${id}: ${Math.round(at.top)} px from the top of a ${at.height} px window`);
      }
    } finally {
      await page.setCacheEnabled(true);
    }
    expect(late).toEqual([]);
  });
});

describe('keyboard only', () => {
  test('the skip link is the first stop, shows itself, and leads past the header into the text', async () => {
    await open(1440, 900);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const element = document.activeElement;
      const box = element?.getBoundingClientRect();
      return {
        className: element?.className,
        focusVisible: element?.matches(':focus-visible'),
        inView: box !== undefined && box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
      };
    });
    expect(skip).toEqual({ className: 'skip-link', focusVisible: true, inView: true });
    await page.keyboard.press('Enter');
    expect(await activeId()).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(true);
  });
});

describe('the search box', () => {
  const status = '#site-search-panel [role="status"]';

  test('answers in place as a query is typed, the name’s card first and the paragraph among the first five; Down, Up and Escape work the panel', async () => {
    await open(1280, 900, '');
    const before = page.url();
    await page.type('#site-search', 'Quemoy');
    await page.waitForFunction((selector) => (document.querySelector(selector)?.textContent ?? '').includes('“Quemoy”'), { timeout: 20_000 }, status);
    expect(await page.$eval(status, (element) => element.textContent)).toMatch(/\d+ paragraphs?/);
    const links = await page.$$eval('#site-search-panel .search-results a', (anchors) =>
      anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname + (anchor as HTMLAnchorElement).hash),
    );
    expect(links[0]).toBe('/entities/kinmen/');
    expect(links.slice(0, 5)).toContain(`/${documentPath}#p10`);
    expect(page.url()).toBe(before);

    const focusedLink = () =>
      page.evaluate(() => {
        const link = document.activeElement as HTMLAnchorElement | null;
        return `${link?.pathname}${link?.hash}`;
      });
    await page.keyboard.press('ArrowDown');
    expect(await focusedLink()).toBe(links[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedLink()).toBe(links[1]);
    await page.keyboard.press('ArrowUp');
    expect(await focusedLink()).toBe(links[0]);
    await page.keyboard.press('Escape');
    expect(await isVisible('#site-search-panel')).toBe(false);
    expect(await activeId()).toBe('site-search');
  });
});
