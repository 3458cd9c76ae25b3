import { describe, expect, test } from 'vitest';
import { assignToParts, conversationYear, parsePartRanges, partBasePath, partsHeadersFile } from '../../src/content/archive-parts.ts';
import { headerValues, parseHeadersFile } from '../../src/lib/headers-file.ts';
import { siteHeadersFile } from '../../src/lib/site-headers.ts';

describe('ranges of years', () => {
  test('are read in order of their first year; a single year is a part of its own', () => {
    expect(parsePartRanges(' 1970-1991, 1949-1969 ,1992')).toEqual([
      { label: '1949-1969', from: 1949, to: 1969 },
      { label: '1970-1991', from: 1970, to: 1991 },
      { label: '1992', from: 1992, to: 1992 },
    ]);
  });

  test.each([
    ['1949-1969,1960-1991', /1949-1969 and 1960-1991 overlap/],
    ['1949-1991', /at least two ranges/],
    ['1949-1969,1991-1970', /"1991-1970" is not a range of years/],
    ['1949-1969,seventies', /"seventies" is not a range of years/],
  ])('%s is refused', (text, message) => {
    expect(() => parsePartRanges(text)).toThrow(message);
  });
});

describe('the year of a document', () => {
  test('comes from conversationDate, quoted or not', () => {
    expect(conversationYear('---\ntitle: x\nconversationDate: "1959-10-14"\n---\n\nText')).toBe(1959);
    expect(conversationYear('---\nconversationDate: 1975-02-01\n---\n')).toBe(1975);
  });

  test('is unknown without frontmatter or date', () => {
    expect(conversationYear('No frontmatter')).toBeUndefined();
    expect(conversationYear('---\ntitle: x\n---\n')).toBeUndefined();
  });
});

describe('documents into parts', () => {
  const ranges = parsePartRanges('1949-1969,1970-1991');

  test('each by its year, the last year of a range included', () => {
    const parts = assignToParts(
      [
        { name: 'a.md', year: 1949 },
        { name: 'b.md', year: 1969 },
        { name: 'c.md', year: 1970 },
        { name: 'd.md', year: 1991 },
      ],
      ranges,
    );
    expect(Object.fromEntries(parts)).toEqual({ '1949-1969': ['a.md', 'b.md'], '1970-1991': ['c.md', 'd.md'] });
  });

  test('a document in no part, or without a date, is named', () => {
    expect(() =>
      assignToParts(
        [
          { name: 'a.md', year: 1950 },
          { name: 'b.md', year: 1980 },
          { name: 'late.md', year: 1995 },
          { name: 'undated.md', year: undefined },
        ],
        ranges,
      ),
    ).toThrow('2 document(s) fall in no part: late.md (1995), undated.md (no conversationDate)');
  });

  test('an empty part is refused', () => {
    expect(() => assignToParts([{ name: 'a.md', year: 1950 }], ranges)).toThrow('no document falls in 1970-1991');
  });
});

test('a part lives at the prefix and its label', () => {
  expect(partBasePath('/archive/', '1949-1969')).toBe('/archive/1949-1969/');
  expect(partBasePath('archive', '1970-1991')).toBe('/archive/1970-1991/');
  expect(partBasePath('/', '1970-1991')).toBe('/1970-1991/');
});

describe('the _headers file of all parts', () => {
  const bases = ['/archive/1949-1969/', '/archive/1970-1991/'];
  const rules = parseHeadersFile(partsHeadersFile(bases));

  test("holds every rule of the site's own file for each base path, in the parts' order", () => {
    expect(rules.map((rule) => [rule.pattern, rule.headers])).toEqual(
      bases.flatMap((base) => parseHeadersFile(siteHeadersFile({ base })).map((rule) => [rule.pattern, rule.headers])),
    );
    expect(rules.map((rule) => rule.pattern)).toContain('/archive/1970-1991/_astro/*');
  });

  test('gives each page of each part exactly one policy, which lets it run search (WebAssembly)', () => {
    for (const base of bases) {
      const policies = (path: string) => headerValues(rules, `${base}${path}`, 'content-security-policy');
      for (const path of ['', 'search/', 'documents/synthetic-00001/', 'entities/mao-zedong/', 'map/', '404.html']) {
        expect(policies(path), path).toHaveLength(1);
        expect(policies(path)[0], path).toContain("'wasm-unsafe-eval'");
        expect(policies(path)[0], path).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
      }
      expect(headerValues(rules, `${base}pagefind/pagefind.js`, 'x-content-type-options')).toEqual(['nosniff']);
    }
    expect(headerValues(rules, '/search/', 'content-security-policy')).toEqual([]);
  });
});
