import { describe, expect, test } from 'vitest';
import { entityDateFacts, entityPageView, formatCoordinates } from '../../src/lib/entity-facts.ts';
import type { Entity } from '../../src/schemas/entity.ts';

const common = { spellings: [], variants: [], gloss: 'A gloss. More of it.', sources: [{ source: 's', checked: 'x' }] };
// Each test gives its entry's type and that type's fields.
const entity = (fields: Record<string, unknown>) => ({ ...common, id: 'e', name: 'E', ...fields }) as unknown as Entity;
const onePage = { number: 1, count: 1, first: 1, last: 1, total: 1 };

describe('an entry’s dates', () => {
  test('each with its label, as precise as it is known', () => {
    expect(entityDateFacts(entity({ type: 'person', born: '1893-12-26', died: '1976-09' }))).toEqual([
      { label: 'Born', value: '26 December 1893' },
      { label: 'Died', value: 'September 1976' },
    ]);
    expect(entityDateFacts(entity({ type: 'organization', dissolved: '1991' }))).toEqual([{ label: 'Dissolved', value: '1991' }]);
    expect(entityDateFacts(entity({ type: 'event', start: '1958-08-23', end: '1958-10' }))).toEqual([
      { label: 'Date', value: '23 August 1958 – October 1958' },
    ]);
    expect(entityDateFacts(entity({ type: 'document', date: '1950-02-14' }))).toEqual([{ label: 'Date', value: '14 February 1950' }]);
  });

  test('none that are not known, and none for a place or an abbreviation', () => {
    expect(entityDateFacts(entity({ type: 'person' }))).toEqual([]);
    expect(entityDateFacts(entity({ type: 'document' }))).toEqual([]);
    expect(entityDateFacts(entity({ type: 'place', coordinates: [1, 2], region: false }))).toEqual([]);
    expect(entityDateFacts(entity({ type: 'abbreviation', expansion: 'x' }))).toEqual([]);
  });
});

describe('coordinates', () => {
  test('latitude first, in degrees to two places, with the hemisphere', () => {
    expect(formatCoordinates([116.4, 39.9])).toBe('39.90° N, 116.40° E');
    expect(formatCoordinates([-77.0365, -12.05])).toBe('12.05° S, 77.04° W');
    expect(formatCoordinates([0, 0])).toBe('0.00° N, 0.00° E');
  });
});

describe('an entity’s page', () => {
  test('the first page: the name, the kind, the gloss as description, the facts', () => {
    const view = entityPageView({ entity: entity({ type: 'person', name: 'Zhou Enlai', born: '1898' }), listPage: onePage, paragraphCount: 1 });
    expect(view).toEqual({
      kind: 'Person',
      title: 'Zhou Enlai',
      description: 'Person: Zhou Enlai. A gloss. More of it.',
      heading: 'Zhou Enlai',
      dates: [{ label: 'Born', value: '1898' }],
      mentionsHeading: 'Mentioned in 1 paragraph',
    });
  });

  test('a place gives where the map puts it; a region, where its label goes', () => {
    const place = entityPageView({ entity: entity({ type: 'place', coordinates: [121.47, 31.23], region: false }), listPage: onePage, paragraphCount: 2 });
    expect(place.place).toEqual({ label: 'Coordinates', value: '31.23° N, 121.47° E' });
    const region = entityPageView({ entity: entity({ type: 'place', coordinates: [100, 45], region: true }), listPage: onePage, paragraphCount: 2 });
    expect(region.place).toEqual({ label: 'Label on the map', value: '45.00° N, 100.00° E' });
    expect(entityPageView({ entity: entity({ type: 'event', start: '1950' }), listPage: onePage, paragraphCount: 2 }).place).toBeUndefined();
  });

  test('counts the paragraphs, and the documents when there are several, with where the others are', () => {
    const view = entityPageView({
      entity: entity({ type: 'event', start: '1950' }),
      listPage: { number: 1, count: 3, first: 1, last: 50, total: 120 },
      paragraphCount: 300,
    });
    expect(view.mentionsHeading).toBe('Mentioned in 300 paragraphs of 120 documents');
    expect(view.pagesNote).toBe('Documents 1–50, oldest first; the others are on the following pages.');
    expect(entityPageView({ entity: entity({ type: 'event', start: '1950' }), listPage: onePage, paragraphCount: 4 }).pagesNote).toBeUndefined();
  });

  test('a following page says which documents it lists, and has no facts', () => {
    const view = entityPageView({
      entity: entity({ type: 'person', name: 'Mao Zedong', born: '1893' }),
      listPage: { number: 2, count: 3, first: 51, last: 100, total: 120 },
      paragraphCount: 300,
    });
    expect(view.title).toBe('Mao Zedong: mentions, page 2');
    expect(view.heading).toBe('Mao Zedong: mentions, page 2 of 3');
    expect(view.description).toBe('The paragraphs that mention Mao Zedong, documents 51–100 of 120.');
    expect(view.mentionsHeading).toBe('Mentioned in 300 paragraphs of 120 documents: documents 51–100, oldest first');
    expect(view.dates).toEqual([]);
    expect(view.pagesNote).toBeUndefined();
  });
});
