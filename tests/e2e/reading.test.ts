/**
 * Reading the memorandum in Chromium: margin notes on a wide screen, notes opened by keyboard
 * on a phone, paragraph anchors, and reading with JavaScript turned off.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';

const documentPath = 'documents/antonov-mao-1959-10-14/';
let browser: Browser;
const url = (hash = '') => `${inject('siteUrl')}${documentPath}${hash}`;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(width: number, height: number, hash = '', options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  await page.goto(url(hash));
  return page;
}

interface Box {
  id: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  refTop: number;
  refNumber: string;
  noteNumber: string;
  display: string;
}

function noteBoxes(page: Page): Promise<Box[]> {
  return page.$$eval('.sidenote', (notes) =>
    notes.map((note) => {
      const reference = document.querySelector(`a[href="#${note.id}"][role="doc-noteref"]`);
      const box = note.getBoundingClientRect();
      return {
        id: note.id,
        top: box.top + window.scrollY,
        bottom: box.bottom + window.scrollY,
        left: box.left,
        right: box.right,
        refTop: (reference?.getBoundingClientRect().top ?? Number.NaN) + window.scrollY,
        refNumber: reference?.textContent ?? '',
        noteNumber: note.querySelector('.sidenote-number')?.textContent ?? '',
        display: getComputedStyle(note).display,
      };
    }),
  );
}

describe('a wide screen (1440 px)', () => {
  let page: Page;
  let notes: Box[];
  beforeAll(async () => {
    page = await open(1440, 900);
    notes = await noteBoxes(page);
  });

  test('the document has its glosses, numbered alike on both sides', () => {
    expect(notes.length).toBeGreaterThanOrEqual(20);
    notes.forEach((note, index) => {
      expect(note.refNumber, note.id).toBe(String(index + 1));
      expect(note.noteNumber, note.id).toBe(String(index + 1));
    });
  });

  test('every gloss sits in the margin, right of the text column', async () => {
    const textRight = await page.$eval('.document-text', (text) => text.getBoundingClientRect().right);
    for (const note of notes) {
      expect(note.display, note.id).not.toBe('none');
      expect(note.left, note.id).toBeGreaterThanOrEqual(textRight);
      expect(note.right, note.id).toBeLessThanOrEqual(1440);
    }
  });

  test('glosses never overlap one another', () => {
    const byTop = [...notes].sort((a, b) => a.top - b.top);
    for (let index = 1; index < byTop.length; index++) {
      const [above, below] = [byTop[index - 1], byTop[index]];
      expect(below?.top, `${below?.id} overlaps ${above?.id}`).toBeGreaterThanOrEqual(above?.bottom ?? 0);
    }
  });

  test('each gloss starts beside its reference line, or right below the gloss before it', () => {
    notes.forEach((note, index) => {
      expect(note.top, `${note.id} starts above its reference`).toBeGreaterThanOrEqual(note.refTop - 4);
      const besideReference = note.top - note.refTop < 30;
      const previous = notes[index - 1];
      const stacked = previous !== undefined && note.top - previous.bottom < 24;
      expect(besideReference || stacked, `${note.id} drifted ${Math.round(note.top - note.refTop)} px`).toBe(true);
    });
  });

  test('paragraph numbers stand in the left gutter, outside the text', async () => {
    const gutter = await page.$$eval('.para', (paragraphs) =>
      paragraphs.map((paragraph) => {
        const number = paragraph.querySelector('.pnum')?.getBoundingClientRect();
        return { id: paragraph.id, numberRight: number?.right ?? Number.NaN, textLeft: paragraph.getBoundingClientRect().left };
      }),
    );
    expect(gutter.length).toBeGreaterThan(30);
    for (const row of gutter) expect(row.numberRight, row.id).toBeLessThanOrEqual(row.textLeft);
  });
});

describe('a phone (390 px)', () => {
  test('glosses are hidden until opened, and open and close by keyboard', async () => {
    const page = await open(390, 844);
    const note = page.locator('#fn-quemoy-matsu');
    await expect.poll(() => note.isVisible()).toBe(false);

    await page.focus('#fnref-quemoy-matsu');
    await page.keyboard.press('Enter');
    await expect.poll(() => note.isVisible()).toBe(true);
    const box = await note.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    expect(await note.getAttribute('role')).toBe('doc-footnote');

    // The close link is the next stop for the keyboard, and returns to the reference.
    await page.focus('#fn-quemoy-matsu .sidenote-close');
    await page.keyboard.press('Enter');
    await expect.poll(() => note.isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe('#fnref-quemoy-matsu');
  });

  test('the page fits the screen: nothing scrolls sideways', async () => {
    const page = await open(390, 844);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('a 320 px screen also fits', async () => {
    const page = await open(320, 640);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('paragraph anchors', () => {
  test('page#p12 lands on ¶ 12 and marks it', async () => {
    const page = await open(1440, 900, '#p12');
    const paragraph = page.locator('#p12');
    const box = await paragraph.boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(100);
    expect(await paragraph.evaluate((element) => element.matches(':target'))).toBe(true);
    const [marked, plain] = await page.$$eval('#p12, #p13', (elements) =>
      elements.map((element) => getComputedStyle(element).backgroundColor),
    );
    expect(marked).not.toBe(plain);
    expect(await paragraph.locator('.pnum').textContent()).toBe('¶ 12');
  });

  test('the number is a link to its own paragraph', async () => {
    const page = await open(1440, 900);
    await page.click('#p20 .pnum');
    expect(new URL(page.url()).hash).toBe('#p20');
  });

  test('introduction paragraphs are numbered apart', async () => {
    const page = await open(1440, 900, '#intro-3');
    expect(await page.locator('#intro-3 .pnum').textContent()).toBe('Intro ¶ 3');
    expect(await page.locator('#intro-3').getAttribute('data-pagefind-title')).toBe('Intro ¶ 3');
  });
});

describe('without JavaScript', () => {
  test('the whole text, its numbers and its notes are readable', async () => {
    const page = await open(390, 844, '', { javaScriptEnabled: false });
    expect(await page.locator('.para').count()).toBeGreaterThan(30);
    expect(await page.locator('#p18').textContent()).toContain('Warsaw');
    await page.click('#fnref-warsaw');
    await expect.poll(() => page.locator('#fn-warsaw').isVisible()).toBe(true);
  });

  // The page once shipped no script at all. Now: the schema.org data (JSON-LD, not executed), and
  // modules that only enhance — notes on names, the arrival highlight, the paragraph actions, the
  // "/" search shortcut. None inline; all deferred modules; small.
  test('the reading page runs no inline script, and only small deferred modules', async () => {
    const page = await open(1440, 900);
    const scripts = await page.$$eval('script:not([type="application/ld+json"])', (elements) =>
      elements.map((script) => ({ type: script.getAttribute('type'), src: script.getAttribute('src'), inline: script.textContent?.length ?? 0 })),
    );
    expect(scripts.length).toBeLessThanOrEqual(2);
    let bytes = 0;
    for (const script of scripts) {
      expect(script.type).toBe('module');
      expect(script.inline).toBe(0);
      const response = await page.request.get(new URL(script.src ?? '', page.url()).href);
      bytes += (await response.body()).length;
    }
    expect(bytes).toBeLessThan(8192);
  });
});

describe('the page asks nothing of other origins', () => {
  test('every request stays on this site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url(), { waitUntil: 'networkidle' });
    const origin = new URL(inject('siteUrl')).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((request) => new URL(request).origin !== origin)).toEqual([]);
  });
});

describe('print', () => {
  test('margin notes become numbered endnotes, and external link targets are printed', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1100 } });
    const page = await context.newPage();
    await page.goto(url());
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#fn-warsaw').isVisible()).toBe(false);
    expect(await page.locator('.endnotes').isVisible()).toBe(true);
    expect(await page.locator('.endnotes li').count()).toBe(await page.locator('.sidenote').count());
    expect(await page.locator('#en-warsaw').textContent()).toContain('ambassadorial talks');
    const printedTarget = await page.$eval('#en-warsaw a[href^="http"]', (link) => getComputedStyle(link, '::after').content);
    expect(printedTarget).toContain('https://');
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await context.close();
  });
});
