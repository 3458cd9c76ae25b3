/**
 * Names and places in the built site: every spelling of the registry is linked in the paragraph
 * that uses it (once: later mentions read as plain text), the document's page of names lists
 * every entity it mentions, every place is on the map, and a name shows a short note on hover and
 * on keyboard focus, quietly: the text reads as text until the reader points at a name.
 */
import type { Element, ElementContent } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as textContent } from 'hast-util-to-string';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { entitiesDir } from '../../src/content/content-files.ts';
import { readEntities } from '../../src/content/entities.ts';
import { entityOfHref, mentionEntities } from '../../src/shared/mention-markup.ts';
import { sharedBrowser } from './fixture.ts';
import { parsePage } from '../helpers/built-pages.ts';

const entities = readEntities(entitiesDir);
const documentPage = 'dist/documents/antonov-mao-1959-10-14/index.html';

/** Text of a paragraph that is neither a mention, a deliberate exception, nor apparatus. */
function unlinkedText(node: Element): string[] {
  const skip = (element: Element) => {
    const className = element.properties['className'];
    const classes = Array.isArray(className) ? className.map(String) : [];
    return (
      classes.includes('mention') ||
      classes.includes('sidenote') ||
      classes.includes('note-ref') ||
      element.properties['dataNoEntity'] !== undefined ||
      element.properties['dataPagefindIgnore'] !== undefined
    );
  };
  const texts: string[] = [];
  const walk = (children: ElementContent[]) => {
    for (const child of children) {
      if (child.type === 'text') texts.push(child.value);
      else if (child.type === 'element' && !skip(child)) walk(child.children);
    }
  };
  walk(node.children);
  return texts;
}

describe('mentions in the document', () => {
  const tree = parsePage(documentPage);
  const paragraphs = selectAll('.document-text p.para', tree) as Element[];

  test('every registry spelling that the text uses is linked to its entity, once in its paragraph', () => {
    // Spellings are found as the linker finds them: the longest first ("CC CPSU" before "CPSU").
    const owners = new Map(entities.flatMap((entity) => entity.spellings.map((spelling) => [spelling, entity.id] as const)));
    const alternatives = [...owners.keys()].sort((a, b) => b.length - a.length).map((spelling) => spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    const missed: string[] = [];
    for (const paragraph of paragraphs) {
      const linked = new Set(
        (selectAll('a.mention', paragraph) as Element[]).flatMap((mention) =>
          mentionEntities(mention.properties['dataEntities'] as string | undefined, String(mention.properties['href'])),
        ),
      );
      for (const text of unlinkedText(paragraph)) {
        for (const match of text.matchAll(pattern)) {
          const id = owners.get(match[0]) ?? '';
          if (!linked.has(id)) missed.push(`"${match[0]}" (${id}) in #${String(paragraph.properties['id'])}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  test('a name is a link once in its paragraph: later mentions are plain text', () => {
    const repeated = paragraphs.flatMap((paragraph) => {
      const ids = (selectAll('a.mention', paragraph) as Element[]).map((mention) => entityOfHref(String(mention.properties['href'])) ?? '');
      return ids.filter((id, index) => ids.indexOf(id) !== index).map((id) => `${id} in #${String(paragraph.properties['id'])}`);
    });
    expect(repeated).toEqual([]);
    expect(selectAll('.document-text span.mention', tree)).toHaveLength(0);
  });

  test('every mention points at a registry entity and its page', () => {
    const ids = new Set(entities.map((entity) => entity.id));
    const mentions = selectAll('a.mention', tree) as Element[];
    expect(mentions.length).toBeGreaterThan(150);
    for (const mention of mentions) {
      const id = entityOfHref(String(mention.properties['href'])) ?? '';
      expect(ids).toContain(id);
      expect(String(mention.properties['href'])).toBe(`/entities/${id}/`);
    }
  });

  test('the document’s page of names lists every entity the text mentions, each with a line and its paragraphs', () => {
    const names = parsePage('dist/documents/antonov-mao-1959-10-14/names/index.html');
    const mentioned = new Set(
      (selectAll('.document-text a.mention', tree) as Element[]).map((mention) => entityOfHref(String(mention.properties['href'])) ?? ''),
    );
    expect(mentioned.size).toBeGreaterThan(50);
    for (const id of mentioned) {
      const entry = select(`#entity-${id}`, names);
      expect(entry, id).toBeDefined();
      const links = (selectAll('dd a', entry as Element) as Element[]).map((link) => String(link.properties['href']));
      expect(links.length, id).toBeGreaterThan(0);
      for (const href of links) {
        expect(href, id).toMatch(/^\/documents\/antonov-mao-1959-10-14\/#(p|intro-)\d+[a-z]?$/);
        expect(select(`#${href.split('#')[1]}`, tree), href).toBeDefined();
      }
    }
    const pointer = select('.names-link a', tree);
    expect(pointer?.properties['href']).toBe('/documents/antonov-mao-1959-10-14/names/');
  });
});

describe('the map', () => {
  const tree = parsePage('dist/map/index.html');
  test('every place has a visible mark, a dot or its name, on a map', () => {
    const places = entities.filter((entity) => entity.type === 'place');
    expect(places.length).toBeGreaterThan(30);
    for (const place of places) {
      const marks = (selectAll(`svg a[href="/entities/${place.id}/"]`, tree) as Element[]).filter(
        (mark) => select('circle', mark) !== undefined || select('text', mark) !== undefined,
      );
      expect(marks.length, place.id).toBeGreaterThan(0);
    }
  });

  test('each place links from its entry to its spot on the map', () => {
    for (const place of entities.filter((entity) => entity.type === 'place')) {
      expect(select(`#place-${place.id}`, tree), place.id).toBeDefined();
    }
  });
});

describe('the timeline', () => {
  const tree = parsePage('dist/timeline/index.html');
  test('every event is on it, in date order, with the conversation and the record', () => {
    const events = entities.filter((entity) => entity.type === 'event');
    const dates = (selectAll('.timeline-item', tree) as Element[]).map((item) => item);
    expect(dates.length).toBeGreaterThanOrEqual(events.length + 2);
    for (const event of events) expect(select(`.timeline-item a[href="/entities/${event.id}/"]`, tree), event.id).toBeDefined();
    expect(selectAll('.timeline-item.record', tree)).toHaveLength(2);
  });

  test('the description names the span the page shows: its first and last event or document, with their dates', () => {
    const description = String((select('meta[name="description"]', tree) as Element | undefined)?.properties['content'] ?? '');
    const referred = selectAll('.timeline-item.event, .timeline-item.document', tree) as Element[];
    const start = (item: Element | undefined) => textContent(select('.timeline-date', item as Element) as Element).split(' – ')[0] ?? '';
    expect(referred.length).toBeGreaterThan(1);
    expect(description).toContain(`from ${start(referred[0])} (`);
    expect(description).toContain(` to ${start(referred.at(-1))} (`);
  });

  test('a document’s own lines are whole: who took part, and who wrote the record', () => {
    for (const summary of selectAll('.timeline-item.record .timeline-summary', tree) as Element[]) {
      expect(textContent(summary)).not.toMatch(/\b[A-Z]\.$/);
    }
  });
});

describe('entity pages', () => {
  test('a page lists every paragraph that mentions the entity, with the sentence and the words marked', () => {
    const tree = parsePage('dist/entities/kinmen/index.html');
    const items = selectAll('.mention-list li', tree) as Element[];
    expect(items.map((item) => String((select('a', item) as Element).properties['href']))).toEqual([
      '/documents/antonov-mao-1959-10-14/#p10',
      '/documents/antonov-mao-1959-10-14/#p17',
      '/documents/antonov-mao-1959-10-14/#p21',
      '/documents/antonov-mao-1959-10-14/#p23',
    ]);
    for (const item of items) expect((select('mark', item)?.children[0] as { value?: string })?.value).toBe('Quemoy');
  });

  test('names in other scripts carry their language', () => {
    const tree = parsePage('dist/entities/mao-zedong/index.html');
    expect(select('[lang="zh"]', tree)).toBeDefined();
    expect(select('[lang="ru"]', tree)).toBeDefined();
  });
});

describe('a mention’s gloss in the browser', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await sharedBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${inject('siteUrl')}documents/antonov-mao-1959-10-14/#p10`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('shows on keyboard focus and hides with Escape', async () => {
    await page.focus('#p10 a.mention[href$="/entities/kinmen/"]');
    const tip = page.locator('.mention-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('Kinmen');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
  });

  test('shows on hover', async () => {
    await page.hover('#p10 a.mention[href$="/entities/matsu-islands/"]');
    const tip = page.locator('.mention-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('Matsu');
  });

  test('screen readers get the note as the focused link’s description', async () => {
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.focus('#p10 a.mention[href$="/entities/kinmen/"]');
    const description = () =>
      page.$eval(
        '#p10 a.mention[href$="/entities/kinmen/"]',
        (link) => document.getElementById(link.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
      );
    await expect.poll(description).toContain('Kinmen');
    await page.keyboard.press('Escape');
  });

  test('names read as text: no underline and the text’s colour until pointed at or focused', async () => {
    const style = (selector: string) =>
      page.$eval(selector, (element) => {
        const computed = getComputedStyle(element);
        const around = getComputedStyle(element.closest('p') ?? document.body);
        return { line: computed.textDecorationLine, color: computed.color, text: around.color, outline: computed.outlineStyle };
      });
    await page.mouse.move(0, 0);
    await page.locator('body').focus();
    const quiet = await style('#p10 a.mention[href$="/entities/matsu-islands/"]');
    expect(quiet.line).toBe('none');
    expect(quiet.color).toBe(quiet.text);
    await page.hover('#p10 a.mention[href$="/entities/matsu-islands/"]');
    expect((await style('#p10 a.mention[href$="/entities/matsu-islands/"]')).line).toBe('underline');
    await page.mouse.move(0, 0);
    await page.focus('#p10 a.mention[href$="/entities/kinmen/"]');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const focused = await style('#p10 a.mention[href$="/entities/kinmen/"]');
    expect(focused.line).toBe('underline');
    expect(focused.outline).not.toBe('none');
  });

  test('“Show names” marks every linked name and is remembered on the next page', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const reader = await context.newPage();
    const address = `${inject('siteUrl')}documents/antonov-mao-1959-10-14/`;
    await reader.goto(address);
    const line = () => reader.$eval('#p10 a.mention', (link) => getComputedStyle(link).textDecorationLine);
    expect(await line()).toBe('none');
    const button = reader.getByRole('button', { name: 'Show names' });
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await line()).toBe('underline');
    await reader.goto(`${address}#p20`);
    await reader.reload();
    expect(await line()).toBe('underline');
    await reader.getByRole('button', { name: 'Show names' }).click();
    expect(await line()).toBe('none');
    await context.close();
  });
});
