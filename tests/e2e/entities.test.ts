/**
 * Names and places in the built site: every spelling of the registry is linked where the text
 * uses it, the document lists every entity it mentions, every place is on the map, and a
 * mention shows its gloss on hover and on keyboard focus.
 */
import type { Element, ElementContent } from 'hast';
import { select, selectAll } from 'hast-util-select';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { entitiesDir } from '../../src/lib/content-files.ts';
import { readEntities } from '../../src/lib/entities.ts';
import { launchBrowser } from '../helpers/browser.ts';
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

  test('every registry spelling that the text uses is linked to its entity', () => {
    const missed: string[] = [];
    for (const entity of entities) {
      for (const spelling of entity.spellings) {
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
        for (const paragraph of paragraphs) {
          if (unlinkedText(paragraph).some((text) => pattern.test(text))) missed.push(`"${spelling}" (${entity.id}) in #${String(paragraph.properties['id'])}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  test('every mention points at a registry entity and its page', () => {
    const ids = new Set(entities.map((entity) => entity.id));
    const mentions = selectAll('a.mention', tree) as Element[];
    expect(mentions.length).toBeGreaterThan(150);
    for (const mention of mentions) {
      const id = String(mention.properties['dataEntity']);
      expect(ids).toContain(id);
      expect(String(mention.properties['href'])).toBe(`/entities/${id}/`);
    }
  });

  test('the people-and-places list has every entity the text mentions, with its gloss', () => {
    const mentioned = new Set((selectAll('.document-text .mention', tree) as Element[]).map((mention) => String(mention.properties['dataEntity'])));
    for (const id of mentioned) {
      expect(select(`#entity-${id}`, tree), id).toBeDefined();
      expect(select(`#gloss-${id}`, tree), id).toBeDefined();
    }
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
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${inject('siteUrl')}documents/antonov-mao-1959-10-14/#p10`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('shows on keyboard focus and hides with Escape', async () => {
    await page.focus('#p10 a.mention[data-entity="kinmen"]');
    const tip = page.locator('.mention-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('Kinmen');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
  });

  test('shows on hover', async () => {
    await page.hover('#p10 a.mention[data-entity="matsu-islands"]');
    const tip = page.locator('.mention-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('Matsu');
  });

  test('screen readers get the gloss as the link’s description', async () => {
    const description = await page.$eval('#p10 a.mention[data-entity="kinmen"]', (link) =>
      document.getElementById(link.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
    );
    expect(description).toContain('Xiamen');
  });
});
