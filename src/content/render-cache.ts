/**
 * What a document's rendering produced, kept on disk between builds and keyed by everything the
 * rendering depends on, so that a build renders and cites again only the documents whose inputs
 * changed. The keys are digests of content, never of times: a warm build reads back exactly what
 * a cold one would have written, and its pages are the same bytes.
 *
 * One entry is three files named by the key: `<key>.html` (the rendered text), `<key>.json`
 * (what the pipeline recorded: mentions, paragraph directives, insertion kinds, cited sources)
 * and `<key>.citations.json` (every citation of the document and its paragraphs). Keeping them
 * out of Astro's content store keeps the store small: Astro holds the store in memory and writes
 * it as one JSON string, which V8 cannot make longer than about half a gigabyte.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

/** The hex SHA-256 of its parts, each length-prefixed so that no two lists of parts collide. */
export function digestOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}:`).update(part);
  return hash.digest('hex');
}

/** Every file below `dir` whose name ends with one of `extensions`, relative to `root`, sorted. */
function filesBelow(root: string, dir: string, extensions: readonly string[]): string[] {
  const absolute = resolve(root, dir);
  if (!existsSync(absolute)) return [];
  if (statSync(absolute).isFile()) return [relative(root, absolute)];
  return (readdirSync(absolute, { recursive: true }) as string[])
    .map((name) => join(absolute, name))
    .filter((path) => extensions.some((extension) => path.endsWith(extension)) && statSync(path).isFile())
    .map((path) => relative(root, path))
    .sort();
}

/**
 * The code a render depends on: the pipeline's plugins and what they import, the loaders, the
 * schemas, the citation code, the configuration and the installed packages' versions. A change
 * to any of them renders every document again, which is always correct and is what a change of
 * code calls for; a change of styles, pages or browser scripts does not.
 */
export const pipelineCode = [
  'src/plugins',
  'src/lib',
  'src/shared',
  'src/content',
  'src/loaders',
  'src/schemas',
  'src/content.config.ts',
  'astro.config.mjs',
  'package-lock.json',
];

/** The digest of the code in `pipelineCode`: each file's path and bytes. */
export function codeDigest(root = '.', paths: readonly string[] = pipelineCode): string {
  const files = paths.flatMap((path) => filesBelow(root, path, ['.ts', '.mjs', '.js', '.json', '.astro']));
  return digestOf(files.flatMap((file) => [file, readFileSync(join(root, file), 'utf8')]));
}

/** What the pipeline produced for one document, as the pages read it back. */
export interface CachedRender {
  html: string;
  /** What the plugins recorded (Astro's `remarkPluginFrontmatter`). */
  frontmatter: Record<string, unknown>;
}

/** Where every content folder's renders are kept: below node_modules/.cache, as build tools keep theirs. */
export function renderCacheRoot(root: string): string {
  return join(resolve(root), 'node_modules', '.cache', 'reading-edition');
}

/**
 * A folder of rendered documents for one content folder, so that two collections built on one
 * machine (the edition and a benchmark's, a test's) never prune each other's entries.
 */
export function renderCacheDir(root: string, contentDir: string): string {
  return join(renderCacheRoot(root), digestOf([resolve(root, contentDir)]).slice(0, 16));
}

/**
 * Where the search step keeps the copies of built pages it indexes (src/integrations/
 * prepared-pages.ts): inside the content folder's cache, so that it goes when the folder does.
 */
export function preparedPagesDir(root: string, contentDir: string): string {
  return join(renderCacheDir(root, contentDir), 'search-pages');
}

/** Where the search step keeps the bundles of the index it wrote (src/integrations/search-bundles.ts). */
export function searchBundlesDir(root: string, contentDir: string): string {
  return join(renderCacheDir(root, contentDir), 'search-bundles');
}

/** The file in each cache folder that names its content folder. */
const contentFolderFile = 'content-folder.txt';

/**
 * Removes the cache folders of content folders that no longer exist (a test's or a benchmark's
 * temporary collection, a part of an archive built once), which no build would read again.
 */
export function forgetRemovedFolders(root: string): void {
  const cacheRoot = renderCacheRoot(root);
  if (!existsSync(cacheRoot)) return;
  for (const entry of readdirSync(cacheRoot, { withFileTypes: true })) {
    // A file here is an output folder's record (src/integrations/kept-output.ts), not a collection's cache.
    if (!entry.isDirectory()) continue;
    const name = entry.name;
    const marker = join(cacheRoot, name, contentFolderFile);
    const folder = existsSync(marker) ? readFileSync(marker, 'utf8') : '';
    if (folder === '' || !existsSync(folder)) rmSync(join(cacheRoot, name), { recursive: true, force: true });
  }
}

/**
 * The content folder's cache folder, made if it is not there, with the file that names its
 * content folder: a folder without one is taken for a removed collection's and removed.
 */
function ensureCacheFolder(root: string, contentDir: string): string {
  const dir = renderCacheDir(root, contentDir);
  if (!existsSync(join(dir, contentFolderFile))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, contentFolderFile), resolve(root, contentDir));
  }
  return dir;
}

/**
 * Astro's own cache (its `cacheDir`: the content store, and the pages of the last build with
 * their keys, which its incremental build copies instead of rendering them again), made here so
 * that it is never taken for a removed collection's. One per content folder, base path and site
 * address: two builds side by side (the parts of an archive) write pages at the same paths, and
 * sharing one cache, one could copy the other's page.
 */
export function astroCacheDir(root: string, contentDir: string, base: string, site: string | undefined): string {
  return join(ensureCacheFolder(root, contentDir), 'astro', digestOf([base, site ?? '']).slice(0, 16));
}

/** Writes a file whole or not at all: a build stopped half-way never leaves half an entry. */
export function writeAtomically(path: string, text: string): void {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

/** `writeAtomically`, without holding the thread while the file is written. */
async function writeWhole(path: string, text: string): Promise<void> {
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, text);
  await rename(partial, path);
}

export class RenderCache {
  readonly dir: string;
  readonly #root: string;
  readonly #contentDir: string;
  #folderMade = false;

  /** The cache of the content folder `contentDir` (relative to `root`, or absolute). */
  constructor(root: string, contentDir: string) {
    this.dir = renderCacheDir(root, contentDir);
    this.#root = root;
    this.#contentDir = contentDir;
  }

  /**
   * What the plugins recorded for `key`, if its entry is there whole (its citations are written
   * last), or undefined. The HTML is not read: the pages read it when they are written.
   */
  recorded(key: string): CachedRender['frontmatter'] | undefined {
    try {
      if (!this.has(key)) return undefined;
      return this.frontmatter(key);
    } catch {
      return undefined;
    }
  }

  /** Whether no render is kept at all: nothing of an earlier build to read back. */
  isEmpty(): boolean {
    return !existsSync(this.dir) || !readdirSync(this.dir).some((name) => name.endsWith('.citations.json'));
  }

  /** Whether `key` has a whole entry (its citations are written last), without reading it. */
  has(key: string): boolean {
    return existsSync(join(this.dir, `${key}.citations.json`)) && existsSync(join(this.dir, `${key}.html`));
  }

  /**
   * Keeps a render. Asynchronous, so that the documents loader goes on handing documents to the
   * workers while the files are written: written in turn, at 10,000 documents the writes held
   * its thread for 20 s, and the workers waited for work about as long.
   */
  async write(key: string, render: CachedRender, citations: unknown): Promise<void> {
    if (!this.#folderMade) {
      ensureCacheFolder(this.#root, this.#contentDir);
      this.#folderMade = true;
    }
    // The citations last: `recorded` counts an entry only once they are there.
    await Promise.all([writeWhole(join(this.dir, `${key}.html`), render.html), writeWhole(join(this.dir, `${key}.json`), JSON.stringify(render.frontmatter))]);
    await writeWhole(join(this.dir, `${key}.citations.json`), JSON.stringify(citations));
  }

  html(key: string): string {
    return readFileSync(join(this.dir, `${key}.html`), 'utf8');
  }

  frontmatter(key: string): Record<string, unknown> {
    return JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8')) as Record<string, unknown>;
  }

  citations<T>(key: string): T {
    return JSON.parse(readFileSync(join(this.dir, `${key}.citations.json`), 'utf8')) as T;
  }

  /** Removes every entry but those of `keep`: what the last build did not use is never read again. */
  prune(keep: ReadonlySet<string>): number {
    if (!existsSync(this.dir)) return 0;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      // Only the entries' own files (`<key>.html`, …): the folder of prepared search pages stays.
      const key = /^([^.]+)\./.exec(name)?.[1];
      if (name === contentFolderFile || key === undefined || keep.has(key)) continue;
      rmSync(join(this.dir, name), { force: true });
      removed++;
    }
    return removed;
  }
}
