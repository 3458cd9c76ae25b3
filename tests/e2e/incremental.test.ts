/**
 * Builds that reuse the last build's renders (src/content/render-cache.ts) and bundles of the
 * search index (src/integrations/search-bundles.ts), tested on real builds of a small synthetic
 * collection: a warm build writes the same bytes as a cold one; a change to one document renders
 * that document alone and indexes again only the bundles that hold a changed page, and the site
 * is then what a cold build writes; a change to the registry renders the documents again only
 * when it changes what the pipeline reads (a spelling), not when it changes what only the pages
 * show (a gloss); a change to a plugin option (the base path) renders all.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderCacheDir } from '../../src/content/render-cache.ts';
import { pageDigest } from '../../src/integrations/prepared-pages.ts';
import { bundleFolder, type IndexedPage, splitIntoBundles } from '../../src/integrations/search-bundles.ts';
import { astroBuild } from '../../tools/astro-build.ts';

const count = 8;
mkdirSync('bench/scratch', { recursive: true });
const work = mkdtempSync('bench/scratch/incremental-test-');
const content = join(work, 'content');
const outputs = mkdtempSync(join(tmpdir(), 'edition-incremental-'));
const changed = 'synthetic-00003';

/** Every file of a built site, by path, as bytes. */
function siteFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    try {
      files.set(name, readFileSync(path));
    } catch {
      // A folder.
    }
  }
  return files;
}

/** The files that differ between two builds, or that only one has. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => !(a.get(name)?.equals(b.get(name) ?? Buffer.alloc(0)) ?? false)).sort();
}

interface Build {
  files: Map<string, Buffer>;
  /** The loader's line of what it rendered. */
  rendered: string;
  /**
   * The search step's line: the pages in the index and its bundles, the bundles copied from the
   * last build, the pages given to Pagefind and how many of those were read back as prepared.
   */
  search: { pages: number; bundles: number; copied: number; indexed: number; readBack: number };
}

/** Small bundles, so that the index of these few documents comes in several. */
const pagesPerBundle = 40;

/** Builds the collection into a folder of its own. */
function build(name: string, env: Record<string, string> = {}): Build {
  const outDir = join(outputs, name);
  const result = astroBuild(outDir, { EDITION_CONTENT: content, SEARCH_PAGES_PER_BUNDLE: String(pagesPerBundle), ...env });
  if (result.status !== 0) throw new Error(`The ${name} build failed:\n${result.stdout}\n${result.stderr}`);
  const rendered = /\d+ documents: \d+ rendered, \d+ unchanged since the last build/.exec(result.stdout)?.[0] ?? `(no line in the log)\n${result.stdout}`;
  const search =
    /Search index: (\d+) pages in (\d+) bundles?, (\d+) unchanged since the last build; (\d+) pages indexed \((\d+) prepared pages read back\)/.exec(
      result.stdout,
    );
  if (!search) throw new Error(`The ${name} build logged no line of its search index:\n${result.stdout}`);
  const [pages, bundles, copied, indexed, readBack] = search.slice(1).map(Number) as [number, number, number, number, number];
  return { files: siteFiles(outDir), rendered, search: { pages, bundles, copied, indexed, readBack } };
}

/** The pages of a build that the search index holds, as the search step finds them. */
const indexedPages = (files: Map<string, Buffer>): IndexedPage[] =>
  [...files]
    .filter(([file, bytes]) => file.endsWith('.html') && bytes.includes('data-pagefind-body'))
    .map(([sourcePath, bytes]) => ({ sourcePath, digest: pageDigest(bytes.toString()) }));

/** The files of bundle `number` of the search index (the first bundle's folder holds the others'). */
const bundleFiles = (files: Map<string, Buffer>, number: number) =>
  [...files.keys()].filter((file) => file.startsWith(`${bundleFolder(number)}/`) && (number > 0 || !file.startsWith('pagefind/bundle-')));

const edit = (path: string, from: string, to: string) => {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no "${from}"`);
  writeFileSync(path, text.replace(from, to));
};

let cold: Build;
let warm: Build;

beforeAll(() => {
  const generated = spawnSync(process.execPath, ['scripts/generate-collection.ts', String(count), content], { encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(`The generator failed:\n${generated.stderr}`);
  rmSync(renderCacheDir('.', content), { recursive: true, force: true });
  cold = build('cold');
  warm = build('warm');
}, 300_000);

afterAll(() => {
  rmSync(renderCacheDir('.', content), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  rmSync(outputs, { recursive: true, force: true });
});

describe(`a collection of ${count} documents built again`, () => {
  test('the cold build renders every document; the warm build none, and writes the same bytes', () => {
    expect(cold.rendered).toBe(`${count} documents: ${count} rendered, 0 unchanged since the last build`);
    expect(warm.rendered).toBe(`${count} documents: 0 rendered, ${count} unchanged since the last build`);
    expect(cold.files.size).toBeGreaterThan(count * 5);
    expect(differences(cold.files, warm.files)).toEqual([]);
  });

  test('the warm build copies every bundle of the search index from the last build, and its index is the same bytes', () => {
    const bundles = Math.ceil(cold.search.pages / pagesPerBundle);
    expect(cold.search.pages).toBeGreaterThan(count);
    expect(bundles).toBeGreaterThan(1);
    expect(cold.search).toEqual({ pages: cold.search.pages, bundles, copied: 0, indexed: cold.search.pages, readBack: 0 });
    expect(warm.search).toEqual({ pages: cold.search.pages, bundles, copied: bundles, indexed: 0, readBack: 0 });
    expect(JSON.parse(warm.files.get('pagefind/bundles.json')?.toString() ?? '')).toEqual(
      Array.from({ length: bundles - 1 }, (_, index) => `bundle-${index + 1}/`),
    );
    for (let number = 0; number < bundles; number++)
      expect(
        bundleFiles(warm.files, number).some((file) => file.endsWith('pagefind-entry.json')),
        `bundle ${number}`,
      ).toBe(true);
    expect(differences(cold.files, warm.files).filter((file) => file.startsWith('pagefind/'))).toEqual([]);
  });

  test('a changed document is rendered alone; its pages change, and the entries that quote the changed paragraph', () => {
    const path = join(content, 'documents', `${changed}.md`);
    edit(path, 'masses of Tibetan peasants', 'masses of Tibetan farmers');
    const after = build('document-changed');
    expect(after.rendered).toBe(`${count} documents: 1 rendered, ${count - 1} unchanged since the last build`);
    const page = after.files.get(`documents/${changed}/index.html`)?.toString() ?? '';
    const paragraph = /<p id="[^"]+" class="para">(?:(?!<\/p>).)*masses of Tibetan farmers(?:(?!<\/p>).)*<\/p>/s.exec(page)?.[0] ?? '';
    expect(paragraph).not.toBe('');
    // The entities that paragraph mentions: their pages and mention lists quote its sentences.
    const quoted = new Set(
      [...paragraph.matchAll(/<a class="mention" href="\/entities\/([^/]+)\/"(?: data-entities="([^"]+)")?/g)].flatMap((match) => [
        match[1] ?? '',
        ...(match[2]?.split(' ') ?? []),
      ]),
    );
    const allowed = (file: string) =>
      file.startsWith(`documents/${changed}/`) ||
      file.startsWith('pagefind/') ||
      [...quoted].some((id) => file === `entities/${id}/index.html` || file === `search/mentions/${id}.json`);
    const changedFiles = differences(warm.files, after.files);
    expect(changedFiles).toContain(`documents/${changed}/index.html`);
    expect(changedFiles.filter((file) => !allowed(file))).toEqual([]);
    // Only the bundles of the search index that hold a changed page are indexed again, their
    // other pages read back as prepared before; every other bundle is copied as it was.
    const changedPages = changedFiles.filter((file) => file.endsWith('.html') && after.files.get(file)?.includes('data-pagefind-body'));
    expect(changedPages.length).toBeGreaterThan(0);
    const bundles = splitIntoBundles(indexedPages(after.files), pagesPerBundle);
    const touched = bundles.map((pages, number) => ({ pages, number })).filter(({ pages }) => pages.some((page) => changedPages.includes(page.sourcePath)));
    expect(touched.length).toBeLessThan(bundles.length);
    const reindexed = touched.reduce((sum, { pages }) => sum + pages.length, 0);
    expect(after.search).toEqual({
      pages: warm.search.pages,
      bundles: bundles.length,
      copied: bundles.length - touched.length,
      indexed: reindexed,
      readBack: reindexed - changedPages.length,
    });
    // A bundle copied is the same bytes; the changed document's own bundle is not (its text changed).
    const own = bundles.findIndex((pages) => pages.some((page) => page.sourcePath === `documents/${changed}/index.html`));
    const sameAsBefore = (number: number) =>
      bundleFiles(after.files, number).every((file) => after.files.get(file)?.equals(warm.files.get(file) ?? Buffer.alloc(0)));
    for (const number of bundles.keys()) if (!touched.some((bundle) => bundle.number === number)) expect(sameAsBefore(number), `bundle ${number}`).toBe(true);
    expect(sameAsBefore(own)).toBe(false);
    // And the whole site, index and all, is what a cold build of the changed collection writes.
    rmSync(renderCacheDir('.', content), { recursive: true, force: true });
    const coldAfter = build('document-changed-cold');
    expect(coldAfter.search.copied).toBe(0);
    expect(differences(coldAfter.files, after.files)).toEqual([]);
  }, 240_000);

  test("a new gloss renders no document, yet the entity's page shows it", () => {
    edit(join(content, 'entities', 'people.yaml'), 'the party’s highest office', 'the highest office of the party');
    const after = build('gloss-changed');
    expect(after.rendered).toBe(`${count} documents: 0 rendered, ${count} unchanged since the last build`);
    expect(after.files.get('entities/mao-zedong/index.html')?.toString()).toContain('the highest office of the party');
  }, 120_000);

  test('a new spelling in the registry renders every document, and the text links it', () => {
    // A spelling no entity had, for a name not yet mentioned in its paragraph: its first mention is a link.
    edit(join(content, 'entities', 'places.yaml'), '  spellings:\n    - Himalayas\n', '  spellings:\n    - Himalayas\n    - Tibetan population\n');
    const after = build('spelling-changed');
    expect(after.rendered).toBe(`${count} documents: ${count} rendered, 0 unchanged since the last build`);
    expect(after.files.get(`documents/${changed}/index.html`)?.toString()).toContain('<a class="mention" href="/entities/himalayas/">Tibetan population</a>');
  }, 120_000);

  test('another base path renders every document, with links below it', () => {
    const after = build('base-path', { BASE_PATH: '/reader/' });
    expect(after.rendered).toBe(`${count} documents: ${count} rendered, 0 unchanged since the last build`);
    const page = after.files.get(`documents/${changed}/index.html`)?.toString();
    expect(page).toContain('class="mention" href="/reader/entities/');
    expect(page).not.toContain('href="/entities/');
  }, 120_000);
});
