import { describe, expect, test } from 'vitest';
import {
  documentListPages,
  documentRow,
  documentRowsByYear,
  groupByYear,
  type ListedDocument,
  listCount,
  listPageAddress,
  listPageTitle,
  neighbours,
  yearStarts,
} from '../../src/lib/document-list.ts';

const listed = (slug: string, conversationDate: string, recordDate = conversationDate): ListedDocument => ({
  slug,
  title: `Title ${slug}`,
  conversationDate,
  recordDate,
  documentType: 'Memorandum of conversation',
  participants: [{ name: 'A. One' }, { name: 'B. Two' }],
  archive: { repository: 'Archive of Foreign Policy', fond: '0100', opis: '46', delo: '12' },
});

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

  test('a row: the conversation’s date, the document, its participants and where it is kept', () => {
    expect(documentRow(listed('one', '1959-10-02'), '/reader/')).toEqual({
      href: '/reader/documents/one/',
      title: 'Title one',
      date: { iso: '1959-10-02', text: '2 October 1959' },
      documentType: 'Memorandum of conversation',
      participants: 'A. One, B. Two',
      archive: 'Archive of Foreign Policy, fond 0100, opis 46, delo 12',
    });
  });

  test('a row gives the record’s date only when it is not the conversation’s', () => {
    expect(documentRow(listed('one', '1959-10-14', '1959-10-21'), '/').recorded).toEqual({ iso: '1959-10-21', text: '21 October 1959' });
    expect(documentRow(listed('one', '1959-10-14'), '/').recorded).toBeUndefined();
  });

  test('rows under the year of their conversation', () => {
    const years = documentRowsByYear([listed('a', '1958-01-01'), listed('b', '1959-02-02'), listed('c', '1959-03-03')], '/');
    expect(years.map(({ year, rows }) => [year, rows.map((row) => row.title)])).toEqual([
      ['1958', ['Title a']],
      ['1959', ['Title b', 'Title c']],
    ]);
  });

  test('counts the documents, and which are on this page when there are several pages', () => {
    expect(listCount({ total: 1, count: 1, first: 1, last: 1 })).toBe('1 document');
    expect(listCount({ total: 42, count: 1, first: 1, last: 42 })).toBe('42 documents');
    expect(listCount({ total: 2400, count: 24, first: 1001, last: 1100 })).toBe('2,400 documents; 1,001–1,100 on this page');
  });

  test('a page’s heading names the order, and the page when there are several', () => {
    expect(listPageTitle('newest', { number: 1, count: 1 })).toBe('Documents, newest first');
    expect(listPageTitle('oldest', { number: 2, count: 24 })).toBe('Documents, oldest first, page 2 of 24');
  });
});
