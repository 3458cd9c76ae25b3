import { describe, expect, test } from 'vitest';
import { pageAddress, paginate } from '../../src/lib/pagination.ts';

describe('paginate', () => {
  test('cuts a list into pages of the size, the last one shorter, with positions', () => {
    const pages = paginate(['a', 'b', 'c', 'd', 'e'], 2);
    expect(pages.map((page) => page.items)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(pages.map((page) => [page.number, page.count, page.first, page.last, page.total])).toEqual([
      [1, 3, 1, 2, 5],
      [2, 3, 3, 4, 5],
      [3, 3, 5, 5, 5],
    ]);
  });

  test('an empty list is one empty page; a list of exactly one page is one page', () => {
    expect(paginate([], 10)).toEqual([{ items: [], number: 1, count: 1, first: 0, last: 0, total: 0 }]);
    expect(paginate([1, 2, 3], 3)).toHaveLength(1);
  });

  test('a page size below one is an error', () => {
    expect(() => paginate([1], 0)).toThrow(/at least one item/);
    expect(() => paginate([1], 1.5)).toThrow(/at least one item/);
  });
});

describe('pageAddress', () => {
  test('page 1 is the list’s own address; later pages add their number', () => {
    expect(pageAddress('/entities/mao-zedong/', 1)).toBe('/entities/mao-zedong/');
    expect(pageAddress('/entities/mao-zedong/', 3)).toBe('/entities/mao-zedong/3/');
  });
});
