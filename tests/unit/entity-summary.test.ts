import { describe, expect, test } from 'vitest';
import { entityDates, entityRole } from '../../src/lib/entity-summary.ts';
import type { Entity } from '../../src/schemas/entity.ts';

const common = { spellings: [], variants: [], gloss: 'x', sources: [{ source: 's', checked: 'x' }] };

describe('an entity in a line', () => {
  test('dates as a reader says them, or none', () => {
    expect(entityDates({ ...common, id: 'a', name: 'A', type: 'person', born: '1893-12-26', died: '1976-09-09' } as Entity)).toBe('1893–1976');
    expect(entityDates({ ...common, id: 'a', name: 'A', type: 'person', born: '1931' } as Entity)).toBe('born 1931');
    expect(entityDates({ ...common, id: 'a', name: 'A', type: 'organization', dissolved: '1991-12' } as Entity)).toBe('dissolved 1991');
    expect(entityDates({ ...common, id: 'a', name: 'A', type: 'event', start: '1958-08-23', end: '1958-10' } as Entity)).toBe('23 August 1958 – October 1958');
    expect(entityDates({ ...common, id: 'a', name: 'A', type: 'place', coordinates: [1, 2], region: false } as Entity)).toBeUndefined();
  });

  test('the role: the first sentence of the gloss', () => {
    expect(entityRole('Soviet diplomat at the USSR Embassy in Beijing. In October 1959 he was chargé.')).toBe(
      'Soviet diplomat at the USSR Embassy in Beijing.',
    );
    expect(entityRole('One sentence only')).toBe('One sentence only');
  });

  test('a long first sentence is cut at a word', () => {
    const sentence = entityRole(`${'word '.repeat(60)}end.`, 50);
    expect(sentence.length).toBeLessThanOrEqual(51);
    expect(sentence.endsWith('word…')).toBe(true);
  });
});
