import { describe, expect, test } from 'vitest';
import { cleanExcerpt, closestName, editDistance, highlightTerms, namedEntities, termsFromUrl, withHighlight } from '../../src/lib/search-terms.ts';

const entities = [
  { id: 'kinmen', spellings: ['Quemoy'], names: ['Kinmen (Quemoy)', 'Kinmen', 'Jinmen', '金門'] },
  { id: 'khrushchev-nikita', spellings: ['N.S. Khrushchev', 'Khrushchev'], names: ['Nikita Khrushchev', 'Хрущёв'] },
  { id: 'mao-zedong', spellings: ['Mao Tse-Tung', 'Mao'], names: ['Mao Zedong', '毛泽东'] },
];

describe('search terms', () => {
  test('a query in another spelling is widened to the text’s own spellings', () => {
    expect(highlightTerms('Jinmen', entities)).toEqual(['Jinmen', 'Quemoy']);
    expect(highlightTerms('毛泽东', entities)).toEqual(['毛泽东', 'Mao Tse-Tung', 'Mao']);
    expect(highlightTerms('shelling', entities)).toEqual(['shelling']);
  });

  test('a query that names an entity outright ranks its entry first; a part of a word does not', () => {
    expect(namedEntities('jinmen', entities)).toEqual(['kinmen']);
    expect(namedEntities('Kinmen', entities)).toEqual(['kinmen']);
    expect(namedEntities('Kin', entities)).toEqual([]);
  });

  test('a misspelt name finds the nearest name, within two letters for long words and one for short', () => {
    expect(closestName('Kruschev', entities)).toBe('Khrushchev');
    expect(closestName('Quemy', entities)).toBe('Quemoy');
    expect(closestName('Paris', entities)).toBeUndefined();
    expect(closestName('Ma', entities)).toBeUndefined();
  });

  test('edit distance counts a swap of neighbours as one', () => {
    expect(editDistance('quemoy', 'qeumoy')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('the highlight travels in the URL before the fragment, and back', () => {
    const url = withHighlight('/documents/x/#p10', ['Jinmen', 'Quemoy']);
    expect(url).toBe('/documents/x/?highlight=Jinmen%7CQuemoy#p10');
    expect(termsFromUrl('?highlight=Jinmen%7CQuemoy')).toEqual(['Jinmen', 'Quemoy']);
    expect(withHighlight('/entities/kinmen/', [])).toBe('/entities/kinmen/');
  });

  test('an excerpt loses the bracketed alias lists, even cut off, and marks the text’s spelling', () => {
    expect(cleanExcerpt('the islands of ⟦Kinmen · <mark>Jinmen</mark> · 金門⟧. Quemoy and Matsu', ['Jinmen', 'Quemoy'])).toBe(
      'the islands of <mark>Quemoy</mark> and Matsu',
    );
    expect(cleanExcerpt('<mark>Jinmen</mark> · 金門⟧. Quemoy was shelled', ['Quemoy'])).toBe('<mark>Quemoy</mark> was shelled');
    expect(cleanExcerpt('defending Quemoy ⟦Kinmen · Jin', ['Quemoy'])).toBe('defending <mark>Quemoy</mark>');
  });
});
