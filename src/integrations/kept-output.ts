import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { digestOf, writeAtomically } from '../content/render-cache.ts';
import { staleFiles } from '../lib/stale-files.ts';

/**
 * Which build last finished writing an output folder, kept as two records that each build
 * writes alone (no file is shared by builds running side by side): beside the caches, one per
 * output folder, naming the Astro cache whose build it was; in that cache, the folder its last
 * build wrote. A folder's pages can be kept only if both agree: a cache's pages are checked by
 * the keys of its last build alone.
 */
class OutputRecords {
  readonly #folderRecord: string;
  readonly #cacheRecord: string;

  constructor(
    readonly recordsDir: string,
    readonly outDir: string,
    readonly cacheDir: string,
  ) {
    this.#folderRecord = join(recordsDir, `${folderRecordPrefix}${digestOf([outDir]).slice(0, 16)}.json`);
    this.#cacheRecord = join(cacheDir, 'last-output-folder.txt');
  }

  /** Whether this cache's last build was the last to finish writing the folder. */
  ours(): boolean {
    return readRecord(this.#folderRecord)?.cache === this.cacheDir && existsSync(this.#cacheRecord) && readFileSync(this.#cacheRecord, 'utf8') === this.outDir;
  }

  /** Until a build finishes, the folder is no build's, and the cache's last build wrote none. */
  forget(): void {
    rmSync(this.#folderRecord, { force: true });
    rmSync(this.#cacheRecord, { force: true });
  }

  finished(): void {
    writeAtomically(this.#folderRecord, JSON.stringify({ folder: this.outDir, cache: this.cacheDir }));
    writeAtomically(this.#cacheRecord, this.outDir);
    // The records of folders that are gone (a test's, a benchmark's).
    for (const name of readdirSync(this.recordsDir)) {
      if (!name.startsWith(folderRecordPrefix)) continue;
      const folder = readRecord(join(this.recordsDir, name))?.folder;
      if (folder === undefined || !existsSync(folder)) rmSync(join(this.recordsDir, name), { force: true });
    }
  }
}

const folderRecordPrefix = 'output-folder-';

function readRecord(file: string): { folder: string; cache: string } | undefined {
  try {
    const record: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof record !== 'object' || record === null || !('folder' in record) || !('cache' in record)) return undefined;
    const { folder, cache } = record;
    return typeof folder === 'string' && typeof cache === 'string' ? { folder, cache } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A folder of the output that no build writes and none may remove: a repository checked out
 * there to publish the site from (Astro keeps it too when it empties the folder).
 */
const publishingRepository = '.git';

/**
 * Each file below `dir`, but for `publishingRepository` (a path relative to `dir`, with "/"),
 * and its modification time in nanoseconds.
 */
function modifiedTimes(dir: string): Map<string, bigint> {
  const times = new Map<string, bigint>();
  if (!existsSync(dir)) return times;
  for (const top of readdirSync(dir, { withFileTypes: true })) {
    if (top.name === publishingRepository) continue;
    const entries = top.isDirectory() ? readdirSync(join(dir, top.name), { recursive: true, withFileTypes: true }) : [top];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      times.set(relative(dir, path).split('\\').join('/'), statSync(path, { bigint: true }).mtimeNs);
    }
  }
  return times;
}

/** Empties `dir` as Astro would (all but `publishingRepository`). */
function emptyFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== publishingRepository) rmSync(join(dir, name), { recursive: true, force: true });
}

/** Removes the folders the removed files leave empty, up to `top`. */
function removeEmptyFolders(top: string, files: readonly string[]): void {
  const folders = new Set(files.map((file) => dirname(join(top, file))));
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    for (let dir = folder; dir.startsWith(`${top}/`) && existsSync(dir) && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
  }
}

/**
 * Lets a build write into the output folder its last build left, instead of Astro emptying the
 * folder first (`vite.build.emptyOutDir: false` in astro.config.mjs). A page whose key and code
 * are unchanged (src/lib/page-key.ts) is then left where it is: Astro's incremental build
 * neither renders it nor copies it from its cache, which at 1,000 documents is most of a warm
 * build's page phase (every page copied, and the whole folder removed before).
 *
 * Two rules keep the folder what a build into an empty one would write:
 * - The folder is emptied first unless the last build to finish writing it was this cache's
 *   (the same content folder, base path and site address: `astroCacheDir`) and this cache's
 *   last build. Another collection's pages, a build stopped half-way, pages older than the
 *   cache's keys (the same collection built into another folder since), are never kept.
 * - When the pages are written, every file the last build left that this one neither wrote
 *   again nor kept is removed (src/lib/stale-files.ts): a removed document's pages, the last
 *   build's scripts and styles, the last search index (written again after this step).
 *
 * Listed first among the integrations, so that its end of the build runs before the others
 * write their files (the search index, _headers).
 */
export default function keptOutput(options: { recordsDir: string }): AstroIntegration {
  let records: OutputRecords;
  let before = new Map<string, bigint>();
  return {
    name: 'edition-kept-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        records = new OutputRecords(options.recordsDir, resolve(fileURLToPath(config.outDir)), resolve(fileURLToPath(config.cacheDir)));
      },
      'astro:build:start': ({ logger }) => {
        const { outDir } = records;
        if (!records.ours() && existsSync(outDir) && readdirSync(outDir).some((name) => name !== publishingRepository)) {
          emptyFolder(outDir);
          logger.info(
            'Output folder emptied: its last build was of another collection, base path or address, or did not finish, or this one has been built elsewhere since.',
          );
        }
        // Stopped half-way, this build leaves the folder to be emptied next time; and whatever
        // folder this cache's last build wrote, this build changes the keys its pages are checked by.
        records.forget();
        before = modifiedTimes(outDir);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const site = resolve(fileURLToPath(dir));
        const pages = new Set([...assets.values()].flat().map((url) => relative(site, fileURLToPath(url)).split('\\').join('/')));
        const after = modifiedTimes(site);
        const stale = staleFiles(before, after, pages);
        for (const file of stale) rmSync(join(site, file), { force: true });
        removeEmptyFolders(site, stale);
        records.finished();
        const kept = [...pages].filter((page) => before.has(page) && before.get(page) === after.get(page)).length;
        logger.info(`Output folder: ${kept} pages kept as the last build wrote them, ${stale.length} files of the last build removed.`);
      },
    },
  };
}
