/**
 * The search step's workers: the scheduler that runs bundles side by side within a budget of
 * pages, with stand-in indexers whose bundles take as long as their pages; and real workers,
 * indexing a bundle with Pagefind.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type BundleIndexer, type BundleJob, IndexerWorker, indexBundles } from '../../src/integrations/bundle-indexers.ts';
import { pageDigest } from '../../src/integrations/prepared-pages.ts';

/** A bundle of `size` pages, named. */
const job = (name: string, size: number): BundleJob => ({
  site: '/site',
  folder: `/site/pagefind/${name}`,
  pages: Array.from({ length: size }, (_, index) => ({ sourcePath: `${name}/${index}.html`, digest: `${name}${index}` })),
});

/** Stand-in indexers that record which bundles run at once; a bundle named `fail…` fails. */
function standIns(count: number) {
  const running = new Set<string>();
  const together: string[][] = [];
  const indexers: BundleIndexer[] = Array.from({ length: count }, () => ({
    index: async (bundle) => {
      const name = bundle.folder.split('/').at(-1) ?? '';
      running.add(name);
      together.push([...running].sort());
      await new Promise((resolve) => setTimeout(resolve, 5 * bundle.pages.length));
      running.delete(name);
      if (name.startsWith('fail')) throw new Error(`${name} could not be indexed`);
      return bundle.pages.length - 1;
    },
    close: async () => undefined,
  }));
  return { indexers, together, largestAtOnce: () => Math.max(...together.map((names) => names.length)) };
}

describe('indexBundles', () => {
  test('runs as many bundles at once as there are indexers, and tells of each as it is written', async () => {
    const { indexers, largestAtOnce } = standIns(2);
    const done: [string, number][] = [];
    await indexBundles([job('a', 3), job('b', 3), job('c', 3), job('d', 3)], indexers, 100, (bundle, kept) => done.push([bundle.folder, kept]));
    expect(largestAtOnce()).toBe(2);
    expect(done.map(([folder]) => folder).sort()).toEqual(['a', 'b', 'c', 'd'].map((name) => `/site/pagefind/${name}`));
    expect(done.every(([, kept]) => kept === 2)).toBe(true);
  });

  test('starts a bundle beside another only while their pages fit the budget; one larger than it still runs, alone', async () => {
    const tight = standIns(2);
    await indexBundles([job('a', 3), job('b', 3), job('c', 3)], tight.indexers, 5, () => undefined);
    expect(tight.largestAtOnce()).toBe(1);
    const roomy = standIns(2);
    await indexBundles([job('a', 3), job('b', 3), job('c', 3)], roomy.indexers, 6, () => undefined);
    expect(roomy.largestAtOnce()).toBe(2);
    const large = standIns(2);
    const done: string[] = [];
    await indexBundles([job('big', 8), job('small', 2)], large.indexers, 5, (bundle) => done.push(bundle.folder));
    expect(large.together).toEqual([['big'], ['small']]);
    expect(done).toHaveLength(2);
  });

  test('fails with the first failure, starting no bundle after it and leaving none running', async () => {
    const { indexers, together } = standIns(2);
    const done: string[] = [];
    await expect(indexBundles([job('fail-a', 1), job('b', 4), job('c', 1), job('d', 1)], indexers, 100, (bundle) => done.push(bundle.folder))).rejects.toThrow(
      'fail-a could not be indexed',
    );
    // b ran beside the failing bundle and was written; c and d were never started.
    expect(done).toEqual(['/site/pagefind/b']);
    expect(together.flat()).not.toContain('c');
  });

  test('with no bundle to index, does nothing', async () => {
    const { indexers, together } = standIns(2);
    await indexBundles([], indexers, 100, () => undefined);
    expect(together).toEqual([]);
  });
});

describe('a worker of the search step', () => {
  const root = mkdtempSync(join(tmpdir(), 'bundle-indexer-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const site = join(root, 'site');
  const copies = join(root, 'prepared');
  const page = (title: string, words: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p class="para" id="p1"><a class="pnum" href="#p1">1</a>${words}</p></main></body></html>`;
  const pages = { 'one/index.html': page('One', 'Quemoy and Matsu'), 'two/index.html': page('Two', 'The Taiwan Strait') };
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), html);
  }

  test('indexes a bundle, preparing its pages and keeping the copies; the next time reads them back', async () => {
    const bundle = (folder: string): BundleJob => ({
      site,
      folder: join(site, folder),
      pages: Object.entries(pages).map(([sourcePath, html]) => ({ sourcePath, digest: pageDigest(html) })),
    });
    const worker = new IndexerWorker({ facets: [], prepared: { dir: copies, version: 'test' } });
    try {
      expect(await worker.index(bundle('first'))).toBe(0);
      expect(readdirSync(copies)).toHaveLength(2);
      expect(await worker.index(bundle('again'))).toBe(2);
      for (const folder of ['first', 'again']) {
        expect(existsSync(join(site, folder, 'pagefind-entry.json'))).toBe(true);
        expect(readdirSync(join(site, folder, 'fragment'))).toHaveLength(2);
      }
      // The same pages give the same index, read back or prepared.
      const files = (folder: string) => readdirSync(join(site, folder), { recursive: true }).map(String).sort();
      expect(files('again')).toEqual(files('first'));
    } finally {
      await worker.close();
    }
  }, 30_000);

  test('a page that cannot be read fails its bundle, naming it', async () => {
    const worker = new IndexerWorker({ facets: [] });
    try {
      await expect(worker.index({ site, folder: join(site, 'missing'), pages: [{ sourcePath: 'none/index.html', digest: 'x' }] })).rejects.toThrow(
        'none/index.html',
      );
    } finally {
      await worker.close();
    }
  }, 30_000);
});
