/**
 * The search index in several Pagefind bundles, merged in the reader's browser (`mergeIndex`).
 *
 * Pagefind holds the whole of an index in memory until it has written it, about 1 MB for every
 * page of a memorandum's length: 10,000 documents in one index would take some 10 GB in its
 * process alone. Indexed as bundles of at most `pagesPerBundle` pages, each in a Pagefind process
 * of its own, and side by side only while their pages together fit one bundle's most
 * (bundle-indexers.ts), the memory is that of one large bundle whatever the collection's size;
 * and a bundle whose pages all came out as in the last build is copied back from the last build
 * instead of being indexed again.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A page to index: its path in the built site and a digest of its bytes. */
export interface IndexedPage {
  sourcePath: string;
  digest: string;
}

/** A bundle of 2,000 pages costs Pagefind's process about 2 GB while it writes: no bundle holds more. */
export const maxPagesPerBundle = 2000;

/**
 * How many pages one bundle holds for an index of `total` pages (unless SEARCH_PAGES_PER_BUNDLE
 * says, for tests that need bundles of a few pages): about 250 until there are eight bundles,
 * then an eighth of the pages each, up to `maxPagesPerBundle`.
 *
 * - A bundle with one changed page is indexed again whole, about 11 ms a page: bundles of 250
 *   keep a one-document change to a few seconds of indexing (one bundle of all 1,118 pages of a
 *   1,000-document edition took 12.8 s).
 * - Each bundle costs a search one more fetch of its metadata and, until the search has settled,
 *   of one index chunk a word: eight bundles at most, up to 16,000 pages.
 */
export function pagesPerBundleFor(total: number): number {
  return Math.min(maxPagesPerBundle, Math.max(250, Math.ceil(total / 8)));
}

/** The folder of bundle `index` in the built site: the first is Pagefind's own `pagefind/`. */
export function bundleFolder(index: number): string {
  return index === 0 ? 'pagefind' : `pagefind/bundle-${index}`;
}

/** The file of the first bundle that lists the others' folders for the browser. */
export const bundleListFile = 'bundles.json';

/** What the list holds for `count` bundles: the folders of all but the first, relative to the first's. */
export function bundleList(count: number): string[] {
  return Array.from({ length: Math.max(0, count - 1) }, (_, index) => `bundle-${index + 1}/`);
}

/**
 * The pages split into as few bundles as `pagesPerBundle` allows, of even sizes, in the order of
 * their paths: the pages of one document, or one kind of page, stay together, so that a change to
 * one document touches few bundles.
 */
export function splitIntoBundles(pages: readonly IndexedPage[], pagesPerBundle: number): IndexedPage[][] {
  if (!Number.isInteger(pagesPerBundle) || pagesPerBundle < 1) throw new Error(`A bundle must hold at least one page, not ${pagesPerBundle}.`);
  const sorted = [...pages].sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
  const count = Math.max(1, Math.ceil(sorted.length / pagesPerBundle));
  return Array.from({ length: count }, (_, index) =>
    sorted.slice(Math.floor((index * sorted.length) / count), Math.floor(((index + 1) * sorted.length) / count)),
  );
}

/** The value of SEARCH_PAGES_PER_BUNDLE, or undefined (`pagesPerBundleFor`); anything but a positive whole number stops the build. */
export function pagesPerBundleFrom(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`SEARCH_PAGES_PER_BUNDLE: "${value}" is not a positive whole number of pages.`);
  return number;
}

/**
 * The bundles written by earlier builds, kept on disk by a key naming everything a bundle's
 * files depend on (its pages' paths and bytes, the preparing code, the facets, Pagefind's
 * version, whether it is the first bundle). The files are copied, not linked: the built site
 * must not change when the cache does.
 */
export class WrittenBundles {
  readonly #dir: string;
  readonly #used = new Set<string>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Copies the bundle kept under `key` into `folder`; false when there is none. */
  restore(key: string, folder: string): boolean {
    this.#used.add(key);
    const kept = join(this.#dir, key);
    if (!existsSync(kept)) return false;
    rmSync(folder, { recursive: true, force: true });
    cpSync(kept, folder, { recursive: true });
    return true;
  }

  /** Keeps a copy of `folder` under `key`, whole or not at all. */
  keep(key: string, folder: string): void {
    this.#used.add(key);
    const partial = join(this.#dir, `${key}.${process.pid}.partial`);
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(this.#dir, { recursive: true });
    cpSync(folder, partial, { recursive: true });
    rmSync(join(this.#dir, key), { recursive: true, force: true });
    renameSync(partial, join(this.#dir, key));
  }

  /** Removes the bundles this build did not use. */
  prune(): void {
    if (!existsSync(this.#dir)) return;
    for (const name of readdirSync(this.#dir)) if (!this.#used.has(name)) rmSync(join(this.#dir, name), { recursive: true, force: true });
  }
}
