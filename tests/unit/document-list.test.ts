import { describe, expect, test } from 'vitest';
import { documentListPages, groupByYear, listPageAddress, neighbours, yearStarts } from '../../src/lib/document-list.ts';

describe('the document list', () => {
  test('page 1 oldest first is the home page; the others live under browse/', () => {
    expect(listPageAddress('/', 'oldest', 1)).toBe('/');
    expect(listPageAddress('/', 'oldest', 2)).toBe('/browse/oldest/2/');
    expect(listPageAddress('/reader/', 'newest', 1)).toBe('/reader/browse/newest/');
    expect(listPageAddress('/reader/', 'newest', 3)).toBe('/reader/browse/newest/3/');
  });

  test('comes in both orders, in pages', () => {
    const pages = documentListPages(['a', 'b', 'c'], 2);
    expect(pages.oldest.map((page) => page.items)).toEqual([['a', 'b'], ['c']]);
    expect(pages.newest.map((page) => page.items)).toEqual([['c', 'b'], ['a']]);
  });

  test('knows on which page each year starts, and how many documents it has', () => {
    const starts = yearStarts(['1950-01-01', '1950-05-01', '1951-02-02', '1953-03-03', '1953-04-04'], 2);
    expect([...starts]).toEqual([
      ['1950', { page: 1, count: 2 }],
      ['1951', { page: 2, count: 1 }],
      ['1953', { page: 2, count: 2 }],
    ]);
  });

  test('groups by year in the order given', () => {
    expect(groupByYear(['1959-10-14', '1959-01-01', '1960-02-02'], (date) => date)).toEqual([
      { year: '1959', items: ['1959-10-14', '1959-01-01'] },
      { year: '1960', items: ['1960-02-02'] },
    ]);
  });

  test('a document’s neighbours are the ones before and after it; the ends have one', () => {
    expect(neighbours(['a', 'b', 'c'], 0)).toEqual({ previous: undefined, next: 'b' });
    expect(neighbours(['a', 'b', 'c'], 1)).toEqual({ previous: 'a', next: 'c' });
    expect(neighbours(['a', 'b', 'c'], 2)).toEqual({ previous: 'b', next: undefined });
  });
});
