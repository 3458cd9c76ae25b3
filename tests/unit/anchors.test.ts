import { describe, expect, test } from 'vitest';
import { type Anchor, compareWithLock, excerptOf, hashText, lockEntries } from '../../src/lib/anchors.ts';
import { paragraphLabel } from '../../src/lib/paragraph-label.ts';

const anchor = (id: string, text: string): Anchor => ({
  id,
  label: id,
  line: 1,
  hash: hashText(text),
  excerpt: excerptOf(text),
});

describe('the anchor lock', () => {
  const published = lockEntries([anchor('p1', 'One.'), anchor('p2', 'Two.'), anchor('p3', 'Three.')]);

  test('an unchanged document matches its lock', () => {
    expect(compareWithLock([anchor('p1', 'One.'), anchor('p2', 'Two.'), anchor('p3', 'Three.')], published)).toEqual({
      removed: [],
      changed: [],
      added: [],
    });
  });

  test('tells removed, changed and added anchors apart', () => {
    const now = [anchor('p1', 'One, corrected.'), anchor('p3', 'Three.'), anchor('p3a', 'Inserted.')];
    expect(compareWithLock(now, published)).toEqual({ removed: ['p2'], changed: ['p1'], added: ['p3a'] });
  });

  test('excerpts are short and marked when cut', () => {
    expect(excerptOf('one two three', 2)).toBe('one two …');
    expect(excerptOf('one  two', 2)).toBe('one two');
  });
});

describe('paragraph labels', () => {
  test.each([
    ['p1', '¶ 1'],
    ['p12', '¶ 12'],
    ['p12a', '¶ 12a'],
    ['intro-3', 'Intro ¶ 3'],
    ['p0', undefined],
    ['p12ab', undefined],
    ['intro', undefined],
    ['x1', undefined],
  ])('%s is shown as %s', (id, label) => {
    expect(paragraphLabel(id)).toBe(label);
  });
});

describe('dates', async () => {
  const { formatDate } = await import('../../src/lib/dates.ts');
  test('a date is shown as the document states it', () => {
    expect(formatDate('1959-10-14')).toBe('14 October 1959');
    expect(formatDate('1959-01-01')).toBe('1 January 1959');
  });
  test('a malformed date is an error, not "undefined"', () => {
    expect(() => formatDate('1959-13-01')).toThrow(/YYYY-MM-DD/);
  });
});

describe('page titles', async () => {
  const { pageTitle, siteName } = await import('../../src/lib/site.ts');
  test('a short title carries the site name', () => {
    expect(pageTitle('Kinmen (Quemoy)')).toBe(`Kinmen (Quemoy) · ${siteName}`);
  });
  test('a long title drops the site name, and is cut at a word past 70 characters', () => {
    expect(pageTitle('Soviet Declaration on General and Complete Disarmament (18 September)')).toBe(
      'Soviet Declaration on General and Complete Disarmament (18 September)',
    );
    const cut = pageTitle('A very long title that goes on and on about a great many things for far too long indeed');
    expect(cut.length).toBeLessThanOrEqual(70);
    expect(cut.endsWith('…')).toBe(true);
  });
});
