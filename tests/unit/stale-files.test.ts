import { describe, expect, test } from 'vitest';
import { staleFiles } from '../../src/lib/stale-files.ts';

describe('staleFiles', () => {
  const before = new Map([
    ['documents/a/index.html', 1n],
    ['documents/b/index.html', 1n],
    ['documents/removed/index.html', 1n],
    ['_astro/old.js', 1n],
    ['robots.txt', 1n],
  ]);

  test('a file this build neither wrote nor kept is stale; one it wrote again or kept is not', () => {
    const after = new Map([
      ['documents/a/index.html', 1n], // kept in place: unchanged page
      ['documents/b/index.html', 2n], // rendered again
      ['documents/removed/index.html', 1n], // no page of this build
      ['_astro/old.js', 1n], // a script the last build had
      ['_astro/new.js', 2n], // a script of this build
      ['robots.txt', 2n], // copied again from public/
    ]);
    expect(staleFiles(before, after, new Set(['documents/a/index.html', 'documents/b/index.html']))).toEqual(['_astro/old.js', 'documents/removed/index.html']);
  });

  test('a file gone already is not listed, nor one only this build has', () => {
    expect(staleFiles(before, new Map([['new.html', 2n]]), new Set())).toEqual([]);
  });

  test('a kept page stays even when its time did not change', () => {
    const after = new Map(before);
    expect(staleFiles(before, after, new Set(before.keys()))).toEqual([]);
  });

  test('in an empty folder nothing is stale', () => {
    expect(staleFiles(new Map(), new Map([['index.html', 1n]]), new Set())).toEqual([]);
  });
});
