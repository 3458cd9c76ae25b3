/**
 * Margin notes and the keyboard, on a small collection made for them (tests/fixtures/reading):
 * one document whose paragraphs are each a case of layout — notes on consecutive lines that
 * must stack, a long note beside a short paragraph, a long title, a long unbreakable word,
 * several notes in one paragraph, a note in the introduction, a name, an insertion. What the
 * tests expect (which notes, which paragraphs, which Tab stops) is read from the document's
 * Markdown and from the built page, not written here, so that the memorandum's corrections
 * cannot change what these tests prove. In Chromium, and the layout and the walk again in Firefox ESR.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Browser as FirefoxBrowser, Page as FirefoxPage } from 'puppeteer-core';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuildInBackground } from '../../tools/astro-build.ts';
import { launchFirefox } from '../../tools/firefox.ts';
import { type StaticServer, serveStatic } from '../../tools/static-server.ts';
import { readDocumentSource } from '../helpers/document-source.ts';
import { sharedBrowser } from './fixture.ts';
import { expectInMargin, expectNoOverlap, measureNotes, type NoteBox, textRightOf } from '../helpers/margin-notes.ts';

const collection = 'tests/fixtures/reading';
const slug = 'a-layout-record';
const source = readDocumentSource(join(collection, 'documents', `${slug}.md`));
const work = mkdtempSync(join(tmpdir(), 'edition-layout-'));
const outDir = join(work, 'dist');
let server: StaticServer;
let browser: Browser;
let firefox: FirefoxBrowser | undefined;
/** The built page, parsed: what the HTML offers the keyboard before any script runs. */
let built: Root;
const pageUrl = (hash = '') => `${server.url}documents/${slug}/${hash}`;

beforeAll(async () => {
  // Firefox takes seconds to start: it starts while the fixture builds.
  const [result, started] = await Promise.all([astroBuildInBackground(outDir, { EDITION_CONTENT: collection }), launchFirefox()]);
  firefox = started;
  if (result.status !== 0) throw new Error(`The layout fixture did not build:\n${result.stdout}\n${result.stderr}`);
  built = unified()
    .use(rehypeParse)
    .parse(readFileSync(join(outDir, 'documents', slug, 'index.html'), 'utf8'));
  server = await serveStatic(outDir, '/', { headersFile: true });
  browser = await sharedBrowser();
}, 120_000);

afterAll(async () => {
  // Closing the connection closes the contexts it opened.
  await browser?.close();
  await firefox?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** One browser context for each window size; each test opens its own page (tab) in it. */
const contexts = new Map<string, Promise<BrowserContext>>();

async function open(width: number, height: number, hash = ''): Promise<Page> {
  const size = `${width}x${height}`;
  if (!contexts.has(size)) contexts.set(size, browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' }));
  const page = await ((await contexts.get(size)) as BrowserContext).newPage();
  await page.goto(pageUrl(hash));
  return page;
}

// What the pages are asked, by functions that run in the page: the same in both engines.

/** What the browser knows of an element to name it as `keyOf` does. */
interface Named {
  tag: string;
  id: string;
  href: string;
  text: string;
}

interface Focused extends Named {
  /** Its place in document order. */
  order: number;
  outline: string;
  focusVisible: boolean;
  inView: boolean;
}

/** Runs in the page: what has the focus, and how its focus shows. */
const readFocus = (): Focused | undefined => {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body) return undefined;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    order: [...document.querySelectorAll('*')].indexOf(element),
    tag: element.tagName.toLowerCase(),
    id: element.id,
    href: element.getAttribute('href') ?? '',
    text: element.textContent ?? '',
    outline: `${style.outlineStyle} ${style.outlineWidth}`,
    focusVisible: element.matches(':focus-visible'),
    inView: box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
  };
};

interface Present extends Named {
  visible: boolean;
  meantHidden: boolean;
}

/**
 * Runs in the page, on every element the keyboard could reach: whether it shows at this width,
 * and whether the page means it to be hidden there: inside a closed disclosure (`details`), or a
 * note's Close link on a wide screen, or inside a note not opened on a narrow one.
 */
const readStops = (all: globalThis.Element[], narrow: boolean): Present[] =>
  all
    .filter((element) => (element as HTMLElement).tabIndex !== -1 && !element.matches(':disabled') && element.getAttribute('type') !== 'hidden')
    .map((element) => {
      const disclosure = element.closest('details:not([open])');
      const inClosedDisclosure = disclosure !== null && element !== disclosure.querySelector(':scope > summary');
      const note = element.closest('.sidenote');
      return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        href: element.getAttribute('href') ?? '',
        text: element.textContent ?? '',
        visible: element.checkVisibility(),
        meantHidden: inClosedDisclosure || (narrow ? note !== null && !note.matches(':target') : element.matches('.sidenote-close')),
      };
    });

/** What the keyboard can reach, by selector; `tabindex="-1"` and disabled controls are left out. */
const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]';
const outlineShows = /^(solid|dotted|dashed|double) ([2-9]|\d\d)/;
/** Below 75rem the notes leave the margin and open in place, under their line. */
const narrowBelow = 1200;

/** What names a focusable element alike in the built HTML and in the page: its tag, id, href and first words. */
function keyOf({ tag, id, href, text }: Named): string {
  return `${tag}${id ? `#${id}` : ''}${href ? ` ${href}` : ''} “${text.replace(/\s+/g, ' ').trim().slice(0, 30)}”`;
}

/**
 * The Tab stops the page has, in document order, read from the built HTML, with those its script
 * adds where the reader sees them: a Cite button after each paragraph number, and the "Show
 * names" switch at the end of the document's header.
 */
function builtStops(): string[] {
  const header = selectAll('.document-header', built)[0];
  const inHeader = new Set<Element>(header === undefined ? [] : selectAll(focusable, header));
  const button = (text: string) => keyOf({ tag: 'button', id: '', href: '', text });
  const stops: string[] = [];
  let lastInHeader = -1;
  for (const element of selectAll(focusable, built)) {
    const { id, href, tabIndex, disabled, type, className } = element.properties;
    if (tabIndex === -1 || disabled === true || type === 'hidden') continue;
    stops.push(keyOf({ tag: element.tagName, id: typeof id === 'string' ? id : '', href: typeof href === 'string' ? href : '', text: textOf(element) }));
    if (inHeader.has(element)) lastInHeader = stops.length;
    if (Array.isArray(className) && className.includes('pnum')) stops.push(button('Cite'));
  }
  expect(lastInHeader, 'the document header has Tab stops').toBeGreaterThan(0);
  stops.splice(lastInHeader, 0, button('Show names'));
  return stops;
}

// What is expected of the pages, alike in both engines.

function expectEveryNoteNumbered(notes: NoteBox[]): void {
  expect(notes.map((note) => note.id)).toEqual(source.notes);
  notes.forEach((note, index) => {
    expect(note.refNumber, note.id).toBe(String(index + 1));
    expect(note.noteNumber, note.id).toBe(String(index + 1));
  });
}

/** Within this of its reference's line, a note stands beside it. */
const besideLine = 30;

function expectBesideOrStacked(notes: NoteBox[]): void {
  // The fixture's notes on consecutive lines, and the one after the long note, cannot start
  // beside their line: without them this would check the easy case only.
  expect(notes.filter((note) => note.top - note.refTop >= besideLine).length, 'notes that had to stack').toBeGreaterThan(0);
  notes.forEach((note, index) => {
    expect(note.top, `${note.id} starts above its reference`).toBeGreaterThanOrEqual(note.refTop - 4);
    const besideReference = note.top - note.refTop < besideLine;
    const previous = notes[index - 1];
    const stacked = previous !== undefined && note.top - previous.bottom < 24;
    expect(besideReference || stacked, `${note.id} drifted ${Math.round(note.top - note.refTop)} px`).toBe(true);
  });
}

/**
 * Presses Tab until the focus goes back up the page (or leaves it), and checks the walk: every
 * stop the built HTML has, nothing hidden but what is meant to be, in document order, each
 * visibly focused and in view.
 */
async function expectWholeWalk(present: Present[], press: () => Promise<void>, read: () => Promise<Focused | undefined>): Promise<void> {
  // Nothing lost, nothing added but what the script adds; nothing hidden but what is meant to be.
  expect(present.map(keyOf)).toEqual(builtStops());
  expect(present.filter((stop) => stop.visible === stop.meantHidden).map((stop) => `${keyOf(stop)}${stop.visible ? ' shows' : ' is hidden'}`)).toEqual([]);
  const shown = present.filter((stop) => stop.visible).map(keyOf);

  const stops: Focused[] = [];
  for (let step = 0; step <= shown.length; step++) {
    await press();
    const stop = await read();
    if (stop === undefined || (stops.length > 0 && stop.order <= (stops.at(-1)?.order ?? 0))) break;
    stops.push(stop);
  }
  // No trap and nothing skipped: every stop that shows at this width, in document order.
  expect(stops.map(keyOf)).toEqual(shown);
  const unseen = stops.filter((stop) => !stop.focusVisible || !outlineShows.test(stop.outline) || !stop.inView);
  expect(unseen.map((stop) => `${keyOf(stop)}: ${stop.outline}${stop.inView ? '' : ', out of view'}`)).toEqual([]);
}

describe('a wide screen (1440 px)', () => {
  let page: Page;
  let notes: NoteBox[];
  beforeAll(async () => {
    page = await open(1440, 900);
    notes = await page.$$eval('.sidenote', measureNotes);
  });
  afterAll(() => page?.close());

  test('every note of the document is there, in the order of its references, numbered alike on both sides', () => {
    expectEveryNoteNumbered(notes);
  });

  test('every note sits in the margin, right of the text column and inside the window', async () => {
    expectInMargin(notes, await page.$eval('.document-text', textRightOf), 1440);
  });

  test('notes never overlap one another', () => {
    expectNoOverlap(notes);
  });

  test('each note starts beside its reference line, or right below the note before it', () => {
    expectBesideOrStacked(notes);
  });

  // The fixture's ¶ 5 has a note with a word longer than the margin is wide.
  test('a long word stays inside its note', () => {
    expect(notes.filter((note) => note.overflow > 0).map((note) => `${note.id}: ${note.overflow} px`)).toEqual([]);
  });

  test('paragraph numbers stand in the left gutter, outside the text', async () => {
    const gutter = await page.$$eval('.para', (paragraphs) =>
      paragraphs.map((paragraph) => {
        const number = paragraph.querySelector('.pnum')?.getBoundingClientRect();
        return { id: paragraph.id, numberRight: number?.right ?? Number.NaN, textLeft: paragraph.getBoundingClientRect().left };
      }),
    );
    expect(gutter.map((row) => row.id)).toEqual(source.paragraphs);
    for (const row of gutter) expect(row.numberRight, row.id).toBeLessThanOrEqual(row.textLeft);
  });
});

describe('keyboard only', () => {
  test.each([
    [1440, 900],
    [390, 844],
  ])('Tab alone walks the whole page at %i px, stop by stop as the HTML has them, every stop visibly focused', async (width, height) => {
    const page = await open(width, height);
    const present = await page.$$eval(focusable, readStops, width < narrowBelow);
    await expectWholeWalk(
      present,
      () => page.keyboard.press('Tab'),
      () => page.evaluate(readFocus),
    );
    await page.close();
  });

  test('a paragraph number is reached and followed by keyboard, past the notes of the paragraph before', async () => {
    // ¶ 1 holds three notes; their references and links lie between its number and ¶ 2's.
    const [from, to] = ['p1', 'p2'];
    const page = await open(1440, 900);
    await page.focus(`#${from} .pnum`);
    let steps = 0;
    for (; steps < 30 && !(await page.evaluate((id) => document.activeElement?.matches(`#${id} .pnum`), to)); steps++) {
      await page.keyboard.press('Tab');
    }
    expect(steps, 'Tab stops between the two numbers').toBeGreaterThan(1);
    const reached = await page.evaluate(readFocus);
    expect(reached && keyOf(reached)).toBe(keyOf({ tag: 'a', id: '', href: `#${to}`, text: `¶ ${to.slice(1)}` }));
    await page.keyboard.press('Enter');
    // A fragment link navigates after the key event returns: wait for it, up to 5 s.
    await page.waitForURL((address) => address.hash === `#${to}`, { timeout: 5_000 });
    expect(await page.locator(`#${to}`).evaluate((element) => element.matches(':target'))).toBe(true);
    await page.close();
  });
});

describe('a phone (390 px)', () => {
  test('every note is hidden until opened by keyboard, takes focus, lets Tab on inside it, and closes back to its number', async () => {
    const page = await open(390, 844);
    for (const id of source.notes) {
      const reference = id.replace(/^fn-/, 'fnref-');
      const note = page.locator(`#${id}`);
      expect(await note.isVisible(), `${id} before it is opened`).toBe(false);

      await page.focus(`#${reference}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => note.isVisible(), { message: id }).toBe(true);
      expect(await note.getAttribute('role'), id).toBe('doc-footnote');
      const box = await note.boundingBox();
      expect(box?.x, id).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY), id).toBeLessThanOrEqual(390);
      // Focus is on the opened note itself (a screen reader reads it from there), visibly, in view.
      const opened = await page.evaluate(readFocus);
      expect(opened?.id, id).toBe(id);
      expect(opened?.focusVisible, id).toBe(true);
      expect(opened?.outline, id).toMatch(outlineShows);
      expect(opened?.inView, id).toBe(true);
      // The line that holds the number stays in view above the note.
      expect(await page.locator(`#${reference}`).evaluate((link) => link.getBoundingClientRect().top >= 0), id).toBe(true);

      // Tab goes on inside the note, to its sources and then its Close link.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('.sidenote')?.id), id).toBe(id);
      for (let step = 0; step < 10 && !(await page.evaluate(() => document.activeElement?.matches('.sidenote-close'))); step++) {
        await page.keyboard.press('Tab');
      }
      expect(await page.evaluate(() => document.activeElement?.closest('.sidenote')?.id), id).toBe(id);
      expect(await page.evaluate(() => document.activeElement?.matches('.sidenote-close')), `${id} has a Close link`).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => note.isVisible(), { message: `${id} after Close` }).toBe(false);
      expect(new URL(page.url()).hash, id).toBe(`#${reference}`);
      const back = await page.evaluate(readFocus);
      expect(back?.id, id).toBe(reference);
      expect(back?.focusVisible, id).toBe(true);
      expect(back?.inView, id).toBe(true);
    }
    await page.close();
  });

  test('a note opened by a tap (a click) takes focus too', async () => {
    const page = await open(390, 844);
    for (const id of source.notes) {
      await page.click(`#${id.replace(/^fn-/, 'fnref-')}`);
      await expect.poll(() => page.locator(`#${id}`).isVisible(), { message: id }).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id), id).toBe(id);
    }
    await page.close();
  });

  // As on the wide screen: the long word of the fixture's ¶ 5 must not widen the page.
  test('with any note open, nothing scrolls sideways', async () => {
    const page = await open(390, 844);
    const wide: string[] = [];
    for (const id of source.notes) {
      await page.goto(pageUrl(`#${id}`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${id}: ${overflow} px`);
    }
    await page.close();
    expect(wide).toEqual([]);
  });
});

/**
 * The same layout and the same walk in Firefox ESR, so that they are not one engine's result:
 * puppeteer-core drives it over WebDriver BiDi (tools/firefox.ts).
 */
describe('in Firefox', () => {
  let page: FirefoxPage | undefined;

  /**
   * Loads the page in a new tab at a window of `width` × `height`: a walk that ends by tabbing
   * out of the page leaves its tab without focus, and the next test must not inherit that.
   */
  async function load(width: number, height: number): Promise<FirefoxPage> {
    await page?.close();
    page = await (firefox as FirefoxBrowser).newPage();
    await page.setViewport({ width, height });
    await page.goto(pageUrl(), { waitUntil: 'load' });
    return page;
  }

  test('at 1440 px every note is in the margin, numbered, beside its line or stacked, none overlapping', async () => {
    const page = await load(1440, 900);
    const notes = await page.$$eval('.sidenote', measureNotes);
    expectEveryNoteNumbered(notes);
    expectInMargin(notes, await page.$eval('.document-text', textRightOf), 1440);
    expectNoOverlap(notes);
    expectBesideOrStacked(notes);
  });

  test('at 1440 px Tab alone walks the whole page, stop by stop as the HTML has them, every stop visibly focused', async () => {
    const page = await load(1440, 900);
    const present = await page.$$eval(focusable, readStops, false);
    await expectWholeWalk(
      present,
      () => page.keyboard.press('Tab'),
      () => page.evaluate(readFocus),
    );
  });
});
