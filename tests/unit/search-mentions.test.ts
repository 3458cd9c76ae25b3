import { describe, expect, test } from 'vitest';
import { excerptAround, mentionFiles } from '../../src/lib/search-mentions.ts';
import type { Mention } from '../../src/plugins/remark-entity-mentions.ts';
import type { Entity } from '../../src/schemas/entity.ts';

const entity = (id: string, extra: Partial<Entity> = {}) =>
  ({
    id,
    name: id,
    type: 'place',
    spellings: [],
    variants: [],
    gloss: 'x',
    sources: [{ source: 's', checked: 'x' }],
    coordinates: [0, 0],
    region: false,
    ...extra,
  }) as Entity;
const mention = (entity: string, paragraph: string, text = entity, sentence = `Words about ${text} here.`): Mention => ({
  entity,
  paragraph,
  label: `¶ ${paragraph.slice(1)}`,
  text,
  sentence,
});

describe('the paragraphs that mention an entity, for search', () => {
  test('in each document the first mention, then the most mentions, then text order; documents by their mentions', () => {
    const documents = [
      {
        slug: 'a',
        title: 'A',
        mentions: [mention('x', 'p1'), mention('x', 'p2'), mention('x', 'p3'), mention('x', 'p3'), mention('x', 'p4'), mention('x', 'p4')],
      },
      {
        slug: 'b',
        title: 'B',
        mentions: [
          mention('x', 'p1'),
          mention('x', 'p2'),
          mention('x', 'p2'),
          mention('x', 'p3'),
          mention('x', 'p3'),
          mention('x', 'p3'),
          mention('x', 'p5'),
          mention('y', 'p5'),
        ],
      },
    ];
    const file = mentionFiles([entity('x'), entity('y')], documents).get('x');
    expect(file?.total).toBe(2);
    expect(file?.documents.map((document) => document.slug)).toEqual(['b', 'a']);
    expect(file?.documents[1]?.paragraphs.map(([id, , count]) => [id, count])).toEqual([
      ['p1', 1],
      ['p3', 2],
      ['p4', 2],
      ['p2', 1],
    ]);
    expect(file?.documents[1]?.paragraphs[0]).toEqual(['p1', '¶ 1', 1, 'Words about x here.', 'x']);
  });

  test('an abbreviation’s mentions count for what it stands for, as on the entries’ pages; documents past the limit are counted, not listed', () => {
    const entities = [entity('china'), entity('abbr-cpr', { type: 'abbreviation', expansion: 'CPR', refersTo: 'china' } as Partial<Entity>)];
    const documents = [1, 2, 3].map((n) => ({ slug: `d${n}`, title: `D${n}`, mentions: [mention('abbr-cpr', 'p1', 'CPR')] }));
    const files = mentionFiles(entities, documents, 2);
    expect(files.get('china')?.documents.map((document) => document.slug)).toEqual(['d1', 'd2']);
    expect(files.get('china')?.total).toBe(3);
    expect(files.get('abbr-cpr')?.documents[0]?.paragraphs[0]?.[4]).toBe('CPR');
  });

  test('an excerpt is the sentence, cut to a few words around the mention', () => {
    const long = `${'one '.repeat(40)}the islands of Quemoy and Matsu ${'two '.repeat(40)}`.trim();
    const excerpt = excerptAround(long, 'Quemoy', 12);
    expect(excerpt.startsWith('… ')).toBe(true);
    expect(excerpt.endsWith(' …')).toBe(true);
    expect(excerpt).toContain('the islands of Quemoy and Matsu');
    expect(excerpt.replace(/…/g, '').trim().split(' ')).toHaveLength(12);
    expect(excerptAround('A short sentence about Quemoy.', 'Quemoy')).toBe('A short sentence about Quemoy.');
  });
});
