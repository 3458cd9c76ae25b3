import { describe, expect, test } from 'vitest';
import { parseSearchParts, partOf } from '../../src/shared/search-parts.ts';

describe('SEARCH_PARTS', () => {
  test('unset or blank: no parts, the search page of a single site', () => {
    expect(parseSearchParts(undefined, '/')).toBeUndefined();
    expect(parseSearchParts('', '/reader/')).toBeUndefined();
    expect(parseSearchParts(' , ', '/reader/')).toBeUndefined();
  });

  test('each other part with its Pagefind bundle and a label from its last segment', () => {
    expect(parseSearchParts('/archive/1970-1991/', '/archive/1949-1969/')).toEqual({
      own: { base: '/archive/1949-1969/', bundle: '/archive/1949-1969/pagefind/', label: '1949-1969' },
      others: [{ base: '/archive/1970-1991/', bundle: '/archive/1970-1991/pagefind/', label: '1970-1991' }],
    });
  });

  test('paths are normalized; the own part and repeats are left out, so every part can take the same list', () => {
    const parts = parseSearchParts(' archive/1949-1969 ,/archive/1970-1991,/archive/1970-1991/, /archive/1992-2000/,', '/archive/1949-1969/');
    expect(parts?.others.map((part) => part.base)).toEqual(['/archive/1970-1991/', '/archive/1992-2000/']);
    expect(parseSearchParts('/archive/1949-1969/', '/archive/1949-1969/')).toBeUndefined();
  });

  test('the root part is "main"; parts that end alike are labelled by their whole path', () => {
    expect(parseSearchParts('/archive/1970-1991/', '/')?.own).toEqual({ base: '/', bundle: '/pagefind/', label: 'main' });
    const parts = parseSearchParts('/letters/1970/', '/memos/1970/');
    expect(parts?.own.label).toBe('memos/1970');
    expect(parts?.others[0]?.label).toBe('letters/1970');
  });

  test.each([
    ['https://archive.example.org/1970-1991/'],
    ['//archive.example.org/1970-1991/'],
    ['/archive/../secret/'],
    ['/archive/./1970/'],
    ['/archive/1970 1991/'],
    ['/archive/1970-1991/?x=1'],
    ['/archive/<script>/'],
  ])('refuses %s, naming the variable and what to write', (value) => {
    expect(() => parseSearchParts(value, '/')).toThrow(/^SEARCH_PARTS: ".+" is not a base path on this site\. .*e\.g\. \/archive\/1970-1991\//);
  });

  test('a malformed own base path is reported as BASE_PATH', () => {
    expect(() => parseSearchParts('/archive/1970-1991/', 'https://example.org/x/')).toThrow(/^BASE_PATH:/);
  });
});

describe('the part of a result', () => {
  const parts = [
    { base: '/', bundle: '/pagefind/', label: 'main' },
    { base: '/archive/1970-1991/', bundle: '/archive/1970-1991/pagefind/', label: '1970-1991' },
  ];

  test('is the one with the longest base path the URL starts with', () => {
    expect(partOf('/archive/1970-1991/documents/x/#p3', parts)?.label).toBe('1970-1991');
    expect(partOf('/documents/x/', parts)?.label).toBe('main');
    expect(partOf('http://127.0.0.1:4321/archive/1970-1991/entities/mao/', parts)?.label).toBe('1970-1991');
  });

  test('is none when no part holds the URL', () => {
    expect(partOf('/archive/1970-1991/x/', parts.slice(0, 0))).toBeUndefined();
    expect(partOf('/elsewhere/', parts.slice(1))).toBeUndefined();
  });
});
