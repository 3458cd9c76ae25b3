/**
 * The search index in bundles (src/integrations/search-bundles.ts): pages split into even
 * bundles in the order of their paths, the bundle size read from the environment, and the
 * bundles of earlier builds kept, copied back and pruned. That a search finds every bundle's
 * pages in the browser is tested in tests/e2e/parts.test.ts; that a warm build copies the
 * unchanged bundles and writes the same bytes, in tests/e2e/incremental.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  bundleFolder,
  bundleList,
  maxPagesPerBundle,
  pagesPerBundleFor,
  type IndexedPage,
  pagesPerBundleFrom,
  splitIntoBundles,
  WrittenBundles,
} from '../../src/integrations/search-bundles.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edition-search-bundles-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pages = (count: number): IndexedPage[] =>
  Array.from({ length: count }, (_, index) => ({ sourcePath: `documents/d${String(index).padStart(4, '0')}/index.html`, digest: `h${index}` }));
const paths = (bundles: IndexedPage[][]) => bundles.map((bundle) => bundle.map((page) => page.sourcePath));

describe('splitIntoBundles', () => {
  test('as few bundles as the size allows, of even sizes, every page once, in the order of the paths', () => {
    const all = pages(10);
    const bundles = splitIntoBundles([...all].reverse(), 4);
    expect(bundles.map((bundle) => bundle.length)).toEqual([3, 3, 4]);
    expect(paths(bundles).flat()).toEqual(all.map((page) => page.sourcePath));
  });

  test('pages that fit go in one bundle; no pages make one empty bundle, so that the site still has an index', () => {
    expect(paths(splitIntoBundles(pages(4), 4))).toEqual([pages(4).map((page) => page.sourcePath)]);
    expect(splitIntoBundles([], 4)).toEqual([[]]);
  });

  test('the same pages give the same bundles whatever order they were found in', () => {
    const all = pages(25);
    const shuffled = [...all.slice(13), ...all.slice(0, 13).reverse()];
    expect(paths(splitIntoBundles(shuffled, 7))).toEqual(paths(splitIntoBundles(all, 7)));
  });

  test('a size below one page is refused', () => {
    expect(() => splitIntoBundles(pages(3), 0)).toThrow(/at least one page/);
  });

  test('the first bundle is Pagefind’s own folder; the others are below it, and the list names them from there', () => {
    expect([0, 1, 12].map(bundleFolder)).toEqual(['pagefind', 'pagefind/bundle-1', 'pagefind/bundle-12']);
    expect(bundleList(3).map((folder) => `pagefind/${folder}`)).toEqual([1, 2].map((index) => `${bundleFolder(index)}/`));
    expect(bundleList(1)).toEqual([]);
  });
});

describe('pagesPerBundleFor', () => {
  const bundles = (total: number) => Math.max(1, Math.ceil(total / pagesPerBundleFor(total)));

  test('bundles of about 250 pages up to eight bundles: a one-document change indexes a few hundred pages again', () => {
    expect(bundles(218)).toBe(1);
    expect(bundles(1118)).toBe(5);
    expect(Math.ceil(1118 / bundles(1118))).toBeLessThanOrEqual(250);
    expect(bundles(2000)).toBe(8);
  });

  test('past that, eight bundles of an eighth each, then bundles of at most 2,000 pages', () => {
    expect(bundles(10118)).toBe(8);
    expect(pagesPerBundleFor(10118)).toBe(1265);
    expect(bundles(16000)).toBe(8);
    expect(pagesPerBundleFor(40000)).toBe(maxPagesPerBundle);
    expect(bundles(40000)).toBe(20);
  });
});

describe('pagesPerBundleFrom (SEARCH_PAGES_PER_BUNDLE)', () => {
  test('unset or blank: none given (pagesPerBundleFor decides); a whole number: that number', () => {
    expect(pagesPerBundleFrom(undefined)).toBeUndefined();
    expect(pagesPerBundleFrom(' ')).toBeUndefined();
    expect(pagesPerBundleFrom('40')).toBe(40);
  });

  test('anything else stops the build, saying what it got', () => {
    for (const value of ['0', '-3', '2.5', 'many']) expect(() => pagesPerBundleFrom(value), value).toThrow(`SEARCH_PAGES_PER_BUNDLE: "${value}"`);
  });
});

describe('WrittenBundles', () => {
  const writeBundle = (folder: string, text: string) => {
    mkdirSync(join(folder, 'index'), { recursive: true });
    writeFileSync(join(folder, 'pagefind-entry.json'), text);
    writeFileSync(join(folder, 'index', 'en_1.pf_index'), `${text} index`);
  };

  test('a kept bundle is copied back whole, in place of what the folder held', () => {
    const cache = join(scratch, 'restore');
    const built = join(scratch, 'restore-site', 'pagefind');
    writeBundle(built, 'first');
    new WrittenBundles(cache).keep('k1', built);
    rmSync(built, { recursive: true });
    writeBundle(built, 'stale');
    writeFileSync(join(built, 'left-over.json'), '{}');
    expect(new WrittenBundles(cache).restore('k1', built)).toBe(true);
    expect(readdirSync(built, { recursive: true }).sort()).toEqual(['index', 'index/en_1.pf_index', 'pagefind-entry.json']);
    expect(readFileSync(join(built, 'index', 'en_1.pf_index'), 'utf8')).toBe('first index');
  });

  test('an unknown key restores nothing and leaves the folder alone', () => {
    const folder = join(scratch, 'unknown-site', 'pagefind');
    writeBundle(folder, 'own');
    expect(new WrittenBundles(join(scratch, 'unknown')).restore('k9', folder)).toBe(false);
    expect(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')).toBe('own');
  });

  test('the copy is not linked to the site: changing the site later leaves the kept bundle as it was', () => {
    const cache = join(scratch, 'copy');
    const folder = join(scratch, 'copy-site', 'pagefind');
    writeBundle(folder, 'v1');
    new WrittenBundles(cache).keep('k1', folder);
    writeFileSync(join(folder, 'pagefind-entry.json'), 'changed');
    expect(readFileSync(join(cache, 'k1', 'pagefind-entry.json'), 'utf8')).toBe('v1');
  });

  test('prune removes the bundles this build neither restored nor kept', () => {
    const cache = join(scratch, 'prune');
    const folder = join(scratch, 'prune-site', 'pagefind');
    writeBundle(folder, 'x');
    const before = new WrittenBundles(cache);
    before.keep('used', folder);
    before.keep('unused', folder);
    const after = new WrittenBundles(cache);
    after.restore('used', folder);
    after.restore('never-kept', folder);
    after.prune();
    expect(readdirSync(cache)).toEqual(['used']);
    expect(existsSync(join(cache, 'unused'))).toBe(false);
  });
});
