/**
 * Builds that reuse the last build's renders (src/content/render-cache.ts), pages (Astro's
 * incremental build, keyed by src/lib/page-key.ts) and bundles of the search index
 * (src/integrations/search-bundles.ts), tested on real builds of a small synthetic collection: a
 * warm build writes the same bytes as a cold one, rendering no page that has a key; a change to
 * one document renders that document alone, writes again only its pages and those that quote it,
 * indexes again only the bundles that hold a changed page, and the site is then what a cold build
 * writes; a change that only pages show (a gloss, a work's title, a correction, a neighbour's
 * title) renders no document and the site is what a build rendering every page writes; a change
 * to the registry renders the documents again only when it changes what the pipeline reads (a
 * spelling); a change to a plugin option (the base path) renders all.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
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
    // A repository checked out there is not the build's (see the in-place test).
    if (name === '.git' || name.startsWith('.git/')) continue;
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
  /** The files Astro wrote by rendering their page, not by copying it from the last build. */
  renderedPages: string[];
  /** The loader's line of what it rendered. */
  rendered: string;
  /**
   * The search step's line: the pages in the index and its bundles, the bundles copied from the
   * last build, the pages given to Pagefind and how many of those were read back as prepared.
   */
  search: { pages: number; bundles: number; copied: number; indexed: number; readBack: number };
  /** The output folder's line: the pages left in place as the last build wrote them, the files of that build removed, whether it was emptied first. */
  output: { kept: number; removed: number; emptied: boolean };
}

/** Small bundles, so that the index of these few documents comes in several. */
const pagesPerBundle = 40;

/** What Astro writes from the pages (not the search index, the bundles or the public folder's copies). */
const isPageFile = (file: string) => /\.(html|json|bib|ris)$/.test(file) && !file.startsWith('pagefind/');

/** The pages Astro's log marks as copied from its last build instead of rendered (a file's path ends with "/" there). */
const copiedPages = (log: string) => new Set([...log.matchAll(/├─ \/(\S+?)\/? \((?:restored|cached)\)/g)].map((match) => match[1] ?? ''));

/** Builds the collection into a folder of its own; `renderEveryPage`: copy no page from the last build. */
function build(name: string, env: Record<string, string> = {}, renderEveryPage = false): Build {
  const outDir = join(outputs, name);
  const result = astroBuild(outDir, { EDITION_CONTENT: content, SEARCH_PAGES_PER_BUNDLE: String(pagesPerBundle), ...env }, { renderEveryPage });
  if (result.status !== 0) throw new Error(`The ${name} build failed:\n${result.stdout}\n${result.stderr}`);
  // The log as text: where colour is forced (FORCE_COLOR), Astro wraps
  // each part of a page's line in escape codes, and no page would read as copied.
  const log = stripVTControlCharacters(result.stdout);
  const rendered = /\d+ documents: \d+ rendered, \d+ unchanged since the last build/.exec(log)?.[0] ?? `(no line in the log)\n${log}`;
  const search =
    /Search index: (\d+) pages in (\d+) bundles?, (\d+) unchanged since the last build; (\d+) pages indexed \((\d+) prepared pages read back\)/.exec(log);
  if (!search) throw new Error(`The ${name} build logged no line of its search index:\n${log}`);
  const [pages, bundles, copiedBundles, indexed, readBack] = search.slice(1).map(Number) as [number, number, number, number, number];
  const output = /Output folder: (\d+) pages kept as the last build wrote them, (\d+) files of the last build removed/.exec(log);
  if (!output) throw new Error(`The ${name} build logged no line of its output folder:\n${log}`);
  const files = siteFiles(outDir);
  const copied = copiedPages(log);
  const renderedPages = [...files.keys()].filter((file) => isPageFile(file) && !copied.has(file)).sort();
  return {
    files,
    renderedPages,
    rendered,
    search: { pages, bundles, copied: copiedBundles, indexed, readBack },
    output: { kept: Number(output[1]), removed: Number(output[2]), emptied: log.includes('Output folder emptied') },
  };
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

/** The pages with no key, which every build renders: those that list or count the whole collection, and a few of their own. */
const unkeyedPages = [
  '404.html',
  'entities/index.html',
  'how-to-cite/index.html',
  'index.html',
  'map/index.html',
  'search/index.html',
  'search/parts.json',
  'timeline/index.html',
];

/** The files of a build under `folders` that hold `text`. */
const filesContaining = (built: Build, folders: RegExp, text: string) =>
  [...built.files].filter(([file, bytes]) => folders.test(file) && isPageFile(file) && bytes.includes(text)).map(([file]) => file);

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

  test('the cold build renders every page; the warm build copies every page that has a key', () => {
    expect(cold.renderedPages.length).toBeGreaterThan(count * 7);
    expect(cold.renderedPages).toEqual([...cold.files.keys()].filter(isPageFile).sort());
    expect(warm.renderedPages).toEqual(unkeyedPages);
    // Each into a folder of its own: nothing there to keep or remove.
    expect([cold.output, warm.output]).toEqual([
      { kept: 0, removed: 0, emptied: false },
      { kept: 0, removed: 0, emptied: false },
    ]);
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
    // Astro renders again the changed document's pages and the entries quoting it, copying the rest.
    expect(after.renderedPages).toEqual(expect.arrayContaining([`documents/${changed}/index.html`, `documents/${changed}/citations.json`]));
    expect(after.renderedPages.filter((file) => !allowed(file) && !unkeyedPages.includes(file))).toEqual([]);
    expect(after.renderedPages.length).toBeLessThan(cold.renderedPages.length / 4);
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

  // Each alone: one change's pages written again would hide another's left stale.
  const shownOnly: { change: string; make: () => void; shownOn: (build: Build) => string[] }[] = [
    {
      change: 'a gloss',
      make: () => edit(join(content, 'entities', 'people.yaml'), 'the party’s highest office', 'the highest office of the party'),
      shownOn: (after) => filesContaining(after, /^(entities|documents)\//, 'the highest office of the party'),
    },
    {
      change: "a work's title",
      make: () => edit(join(content, 'bibliography.yaml'), 'translated by Vladislav M. Zubok', 'translated by V. M. Zubok'),
      shownOn: (after) => filesContaining(after, /^(entities|documents)\//, 'translated by V. M. Zubok'),
    },
    {
      change: "a document's correction log",
      make: () => {
        mkdirSync(join(content, 'corrections'), { recursive: true });
        writeFileSync(
          join(content, 'corrections', 'synthetic-00004.yaml'),
          '- date: "2026-11-30"\n  paragraphs: [intro-1]\n  change: A comma restored.\n  reason: Checked against the print.\n',
        );
      },
      shownOn: (after) => filesContaining(after, /^documents\//, 'A comma restored.'),
    },
  ];
  for (const { change, make, shownOn } of shownOnly)
    test(`${change} renders no document; the pages that show it are written again, the site as if every page were`, () => {
      make();
      const after = build(`shown-only-${change.replaceAll(/\W+/g, '-')}`);
      expect(after.rendered).toBe(`${count} documents: 0 rendered, ${count} unchanged since the last build`);
      const showing = shownOn(after);
      expect(showing.length).toBeGreaterThan(0);
      expect(after.renderedPages).toEqual(expect.arrayContaining(showing));
      const everyPage = build(`shown-only-${change.replaceAll(/\W+/g, '-')}-every-page`, {}, true);
      expect(everyPage.renderedPages.length).toBeGreaterThan(after.renderedPages.length);
      expect(differences(everyPage.files, after.files)).toEqual([]);
    }, 240_000);

  test("a document's new title renders that document; its neighbours' pages link it by the new title", () => {
    const retitled = 'synthetic-00002';
    const path = join(content, 'documents', `${retitled}.md`);
    const title = /^title: "([^"]+)"$/m.exec(readFileSync(path, 'utf8'))?.[1] ?? '';
    expect(title).not.toBe('');
    edit(path, `title: "${title}"`, `title: "${title}, retitled"`);
    const after = build('title-changed');
    expect(after.rendered).toBe(`${count} documents: 1 rendered, ${count - 1} unchanged since the last build`);
    const linking = filesContaining(after, /^documents\/[^/]+\/index\.html$/, `${title}, retitled`).filter((file) => !file.includes(retitled));
    expect(linking.length).toBeGreaterThan(0);
    expect(after.renderedPages).toEqual(expect.arrayContaining(linking));
    const everyPage = build('title-changed-every-page', {}, true);
    expect(differences(everyPage.files, after.files)).toEqual([]);
  }, 240_000);

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

  test('built again into its own folder, a build leaves the unchanged pages in place and removes what it no longer writes: the folder is what a build into an empty one writes', () => {
    const first = build('in-place');
    // A repository checked out in the folder, to publish the site from: no build removes it.
    const repository = join(outputs, 'in-place', '.git');
    mkdirSync(repository);
    writeFileSync(join(repository, 'HEAD'), 'ref: refs/heads/pages\n');
    const inPlaceChanged = join(content, 'documents', 'synthetic-00005.md');
    edit(inPlaceChanged, 'had found refuge at the end of March', 'had found refuge late in March');
    rmSync(join(content, 'documents', 'synthetic-00008.md'));
    const again = build('in-place');
    expect(again.rendered).toBe(`${count - 1} documents: 1 rendered, ${count - 2} unchanged since the last build`);
    // Every page not rendered again was left as it was, not copied from Astro's cache.
    expect(again.output.kept).toBe([...again.files.keys()].filter(isPageFile).length - again.renderedPages.length);
    expect(again.output.kept).toBeGreaterThan(count * 5);
    expect(again.output.emptied).toBe(false);
    // The removed document's pages are gone, with the last build's search index (written anew).
    expect([...first.files.keys()].filter((file) => file.startsWith('documents/synthetic-00008/')).length).toBeGreaterThan(0);
    expect([...again.files.keys()].filter((file) => file.includes('synthetic-00008/'))).toEqual([]);
    expect(again.output.removed).toBeGreaterThan(0);
    expect(readFileSync(join(repository, 'HEAD'), 'utf8')).toBe('ref: refs/heads/pages\n');
    const intoEmpty = build('in-place-into-empty');
    expect(differences(intoEmpty.files, again.files)).toEqual([]);
    // Built into a folder its cache did not last write (its last build, of a changed document,
    // went elsewhere), a build keeps none of the folder's pages: they are older than its keys.
    edit(inPlaceChanged, 'had found refuge late in March', 'had found refuge in the last days of March');
    const elsewhere = build('in-place-elsewhere');
    const afterElsewhere = build('in-place');
    expect(differences(elsewhere.files, afterElsewhere.files)).toEqual([]);
    expect(afterElsewhere.output).toEqual({ kept: 0, removed: 0, emptied: true });
    expect(readFileSync(join(repository, 'HEAD'), 'utf8')).toBe('ref: refs/heads/pages\n');
  }, 240_000);

  test("another collection's build into the folder empties it first", () => {
    const before = build('in-place');
    expect(before.output.kept).toBeGreaterThan(0);
    const other = build('in-place', { BASE_PATH: '/reader/' });
    expect(other.output).toEqual({ kept: 0, removed: 0, emptied: true });
    expect(other.files.get('index.html')?.toString()).toContain('href="/reader/');
    expect(filesContaining(other, /\.html$/, 'href="/entities/')).toEqual([]);
  }, 240_000);
});
