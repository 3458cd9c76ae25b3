import { describe, expect, test } from 'vitest';
import {
  cleanExcerpt,
  closestName,
  editDistance,
  entityToken,
  highlightTerms,
  namedEntities,
  packNames,
  queryWithEntities,
  shardKey,
  worthSearching,
  shardKeys,
  shardNames,
  unpackNames,
  withHighlight,
} from '../../src/shared/search-terms.ts';
import { termsFromUrl } from '../../src/shared/highlight-terms.ts';

const entities = [
  { id: 'kinmen', spellings: ['Quemoy'], names: ['Kinmen (Quemoy)', 'Kinmen', 'Jinmen', '金門'] },
  { id: 'khrushchev-nikita', spellings: ['N.S. Khrushchev', 'Khrushchev'], names: ['Nikita Khrushchev', 'Хрущёв'] },
  { id: 'mao-zedong', spellings: ['Mao Tse-Tung', 'Mao'], names: ['Mao Zedong', '毛泽东'] },
  { id: 'china', spellings: ['China', 'Chinese People’s Republic'], names: ['China', 'PRC'] },
  { id: 'abbr-cpr', spellings: ['CPR'], names: ['CPR', 'PRC'], abbreviates: 'china' },
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

  test('an abbreviation named with what it stands for comes first; the entity whose own name it is, before both', () => {
    expect(namedEntities('PRC', entities)).toEqual(['abbr-cpr', 'china']);
    expect(namedEntities('China', entities)).toEqual(['china']);
    expect(namedEntities('  mao   tse-tung ', entities)).toEqual(['mao-zedong']);
  });

  test('in a longer query, the words that name an entity become its search term', () => {
    expect(queryWithEntities('Jinmen shelling', entities)).toBe('zqkinmenqz shelling');
    expect(queryWithEntities('shelling of Mao Tse-Tung', entities)).toBe('shelling of zqmaozedongqz');
    expect(queryWithEntities('Mao Zedong', entities)).toBeUndefined();
    expect(queryWithEntities('Taiwan question', entities)).toBeUndefined();
    expect(queryWithEntities('Jinmen', entities)).toBeUndefined();
  });

  test('an entity’s search term: its id’s letters and digits, never the start of another’s', () => {
    expect(entityToken('cairo-declaration-1943')).toBe('zqcairodeclaration1943qz');
    expect(entityToken('taiwan-strait').startsWith(entityToken('taiwan'))).toBe(false);
  });

  test('the names travel packed, without a name that repeats a spelling, and unpack as they were', () => {
    const packed = packNames([
      { id: 'kinmen', name: 'Kinmen (Quemoy)', spellings: ['Quemoy'], variants: ['Kinmen', 'Quemoy', '金門'], card: { type: 'Place', role: 'Island group.' } },
      {
        id: 'abbr-cpr',
        name: 'CPR',
        spellings: ['CPR'],
        variants: ['PRC'],
        refersTo: 'china',
        card: { type: 'Abbreviation', dates: undefined, role: 'Chinese People’s Republic.' },
      },
    ]);
    expect(packed).toEqual([
      ['kinmen', ['Quemoy'], ['Kinmen (Quemoy)', 'Kinmen', '金門'], ['Place', '', 'Island group.']],
      ['abbr-cpr', ['CPR'], ['CPR', 'PRC'], ['Abbreviation', '', 'Chinese People’s Republic.'], 'china'],
    ]);
    expect(unpackNames(packed)[1]).toEqual({
      id: 'abbr-cpr',
      spellings: ['CPR'],
      names: ['CPR', 'PRC'],
      abbreviates: 'china',
      card: { type: 'Abbreviation', dates: undefined, role: 'Chinese People’s Republic.' },
    });
  });

  test('names travel in shards by first letter: a query fetches those of its words, and finds its entity there', () => {
    expect(shardKey('Quemoy')).toBe('q');
    expect(shardKey('Éamon')).toBe('e');
    expect(shardKey('Хрущёв')).toBe('cyrillic');
    expect(shardKey('毛泽东')).toBe('han');
    expect(shardKeys('Mao Tse-tung')).toEqual(['m', 't']);
    const packed = packNames([
      {
        id: 'khrushchev',
        name: 'Nikita Khrushchev',
        spellings: ['N.S. Khrushchev'],
        variants: ['Хрущёв'],
        card: { type: 'Person', dates: '1894–1971', role: 'First Secretary.' },
      },
      { id: 'kinmen', name: 'Kinmen (Quemoy)', spellings: ['Quemoy'], variants: ['金門'], card: { type: 'Place', role: 'Island group.' } },
    ]);
    const shards = shardNames(packed);
    expect([...shards.keys()].sort()).toEqual(['cyrillic', 'han', 'k', 'n', 'q']);
    expect(shards.get('k')?.map(([id]) => id)).toEqual(['khrushchev', 'kinmen']);
    expect(namedEntities('Quemoy', unpackNames(shards.get(shardKey('Quemoy')) ?? []))).toEqual(['kinmen']);
  });

  test('the box searches from two letters, or one character of Chinese', () => {
    expect(worthSearching('Q')).toBe(false);
    expect(worthSearching(' Qu ')).toBe(true);
    expect(worthSearching('毛')).toBe(true);
    expect(worthSearching('')).toBe(false);
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

  test('an excerpt loses the entity terms of the index, marked or not, and marks the text’s spelling', () => {
    expect(cleanExcerpt('the islands of Quemoy <mark>zqkinmenqz</mark> and Matsu zqmatsuislandsqz', ['Jinmen', 'Quemoy'])).toBe(
      'the islands of <mark>Quemoy</mark> and Matsu',
    );
    expect(cleanExcerpt('Khrushchev zqkhrushchevnikitaqz’s visit', [])).toBe('Khrushchev’s visit');
    expect(cleanExcerpt('our island Quemoy zqkinmenqz. We take', [])).toBe('our island Quemoy. We take');
    expect(cleanExcerpt('Kinmen (Quemoy). zqkinmenqz. Island group', ['Quemoy'])).toBe('Kinmen (<mark>Quemoy</mark>). Island group');
  });
});
