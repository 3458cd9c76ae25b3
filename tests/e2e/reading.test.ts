/**
 * Reading the memorandum in Chromium: every one of its notes in the margin on a wide screen,
 * the page on a phone, its paragraph anchors, the skip link, reduced motion, reading with
 * JavaScript turned off, and print. How margin notes are laid out and how the keyboard walks
 * a page are tested on a document made for it, in layout.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readDocumentSource } from '../helpers/document-source.ts';
import { sharedBrowser } from './fixture.ts';
import { expectInMargin, expectNoOverlap, measureNotes, type NoteBox, textRightOf } from '../helpers/margin-notes.ts';

const documentPath = 'documents/antonov-mao-1959-10-14/';
/** The memorandum's notes and paragraphs, as its Markdown has them. */
const source = readDocumentSource('content/documents/antonov-mao-1959-10-14.md');
let browser: Browser;
const url = (hash = '') => `${inject('siteUrl')}${documentPath}${hash}`;

beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  width: number,
  height: number,
  hash = '',
  options: { javaScriptEnabled?: boolean; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  await page.goto(url(hash));
  return page;
}

function noteBoxes(page: Page): Promise<NoteBox[]> {
  return page.$$eval('.sidenote', measureNotes);
}

describe('a wide screen (1440 px)', () => {
  let page: Page;
  let notes: NoteBox[];
  beforeAll(async () => {
    page = await open(1440, 900);
    notes = await noteBoxes(page);
  });

  test('the page has every note of the document, numbered alike on both sides', () => {
    expect(notes.map((note) => note.id)).toEqual(source.notes);
    notes.forEach((note, index) => {
      expect(note.refNumber, note.id).toBe(String(index + 1));
      expect(note.noteNumber, note.id).toBe(String(index + 1));
    });
  });

  test('every gloss sits in the margin, right of the text column', async () => {
    expectInMargin(notes, await page.$eval('.document-text', textRightOf), 1440);
  });

  test('glosses never overlap one another', () => {
    expectNoOverlap(notes);
  });
});

describe('a phone (390 px)', () => {
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
    const [marked, plain] = await page.$$eval('#p12, #p13', (elements) => elements.map((element) => getComputedStyle(element).backgroundColor));
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
    expect(await page.locator('#p3 .pnum').textContent()).toBe('¶ 3');
  });
});

/** What the keyboard has reached, and how its focus shows. */
interface Stop {
  label: string;
  inMain: boolean;
  focusVisible: boolean;
  inView: boolean;
}

function focused(page: Page): Promise<Stop | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return undefined;
    const box = element.getBoundingClientRect();
    return {
      label: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className ? `.${element.className}` : ''} “${element.textContent?.trim().slice(0, 20)}”`,
      inMain: document.querySelector('main')?.contains(element) ?? false,
      focusVisible: element.matches(':focus-visible'),
      inView: box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
    };
  });
}

describe('keyboard only', () => {
  test('the skip link is the first stop, shows itself, and leads past the header into the text', async () => {
    const page = await open(1440, 900);
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip?.label).toContain('skip-link');
    expect(skip?.inView).toBe(true);
    expect(skip?.focusVisible).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.inMain).toBe(true);
    await page.context().close();
  });
});

describe('reduced motion', () => {
  test('a link within the page jumps, with or without a preference for reduced motion', async () => {
    // Arriving from elsewhere is tested in arrival.test.ts; here, a ¶ link followed on the page.
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const page = await open(1440, 900, '', { reducedMotion });
      await page.evaluate(() => {
        const link = document.createElement('a');
        link.href = '#p25';
        document.body.prepend(link);
        link.click();
      });
      const top = await page.evaluate(() => document.getElementById('p25')?.getBoundingClientRect().top ?? Number.NaN);
      expect(top, reducedMotion).toBeGreaterThanOrEqual(0);
      expect(top, reducedMotion).toBeLessThan(200);
      await page.context().close();
    }
  });

  test('nothing on the page animates when reduced motion is asked for', async () => {
    const page = await open(390, 844, '#fn-warsaw', { reducedMotion: 'reduce' });
    await page.click('#fnref-quemoy-matsu');
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  test('the whole text, its numbers and its notes are readable', async () => {
    const page = await open(390, 844, '', { javaScriptEnabled: false });
    expect(await page.locator('.para').evaluateAll((paragraphs) => paragraphs.map((paragraph) => paragraph.id))).toEqual(source.paragraphs);
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
  test('every margin note is printed once, numbered, set off under the line of its reference; link targets are printed', async () => {
    // About the width of an A4 or Letter page inside its print margins.
    const context = await browser.newContext({ viewport: { width: 650, height: 1000 } });
    const page = await context.newPage();
    await page.goto(url());
    await page.emulateMedia({ media: 'print' });
    const notes = await page.$$eval('.sidenote', (elements) =>
      elements.map((note) => {
        const reference = document.querySelector(`a[href="#${note.id}"][role="doc-noteref"]`);
        const number = note.querySelector('.sidenote-number');
        const paragraph = note.closest('p');
        const box = note.getBoundingClientRect();
        const visible = (element: Element | null | undefined) => element?.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ?? false;
        return {
          id: note.id,
          visible: visible(note),
          numberVisible: visible(number),
          number: number?.textContent ?? '',
          refNumber: reference?.textContent ?? '',
          top: box.top + window.scrollY,
          bottom: box.bottom + window.scrollY,
          left: box.left,
          right: box.right,
          width: box.width,
          textWidth: paragraph?.getBoundingClientRect().width ?? Number.NaN,
          refBottom: (reference?.getBoundingClientRect().bottom ?? Number.NaN) + window.scrollY,
          paragraphBottom: (paragraph?.getBoundingClientRect().bottom ?? Number.NaN) + window.scrollY,
          // The note's own words, without its number and its Close link (hidden in print).
          // biome-ignore lint/performance/useDomNodeTextContent: compared with the page's printed text, laid out alike.
          text: (note as HTMLElement).innerText.replace(number?.textContent ?? '', '').trim(),
        };
      }),
    );
    expect(notes.map((note) => note.id)).toEqual(source.notes);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out for print is what is checked.
    const printed = await page.evaluate(() => document.body.innerText);
    notes.forEach((note, index) => {
      expect(note.visible, `${note.id} is hidden`).toBe(true);
      expect(note.numberVisible, `${note.id} has no visible number`).toBe(true);
      expect(note.number, note.id).toBe(String(index + 1));
      expect(note.refNumber, note.id).toBe(note.number);
      // Set off at the width of the text, below the line that holds its reference, inside its paragraph.
      expect(note.width, note.id).toBeGreaterThanOrEqual(note.textWidth - 1);
      expect(note.left, note.id).toBeGreaterThanOrEqual(0);
      expect(note.right, note.id).toBeLessThanOrEqual(650);
      expect(note.top, note.id).toBeGreaterThanOrEqual(note.refBottom - 1);
      expect(note.paragraphBottom, note.id).toBeGreaterThanOrEqual(note.bottom);
      // Printed once: no second copy of the note elsewhere on the page.
      expect(note.text.length, note.id).toBeGreaterThan(20);
      expect(printed.split(note.text).length - 1, note.text).toBe(1);
    });
    const byTop = [...notes].sort((a, b) => a.top - b.top);
    for (let index = 1; index < byTop.length; index++) {
      const [above, below] = [byTop[index - 1], byTop[index]];
      expect(below?.top, `${below?.id} overlaps ${above?.id}`).toBeGreaterThanOrEqual(above?.bottom ?? 0);
    }
    expect(await page.locator('.sidenote-close').evaluateAll((links) => links.filter((link) => link.checkVisibility()).length)).toBe(0);

    const links = await page.$$eval('.sidenote a[href^="http"]', (elements) =>
      elements.map((link) => ({ href: link.getAttribute('href') ?? '', printed: getComputedStyle(link, '::after').content })),
    );
    expect(links.length).toBeGreaterThan(notes.length);
    for (const link of links) expect(link.printed, link.href).toContain(link.href);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await context.close();
  });
});
