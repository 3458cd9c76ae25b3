import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeAtomically } from '../content/render-cache.ts';
import { staleFiles } from '../lib/stale-files.ts';

/**
 * Output folder → the Astro cache whose build last finished writing it, if that was the cache's
 * last build (a cache's pages are checked by the keys of its last build only).
 */
type Owners = Record<string, string>;

function readOwners(file: string): Owners {
  try {
    const owners: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof owners === 'object' && owners !== null && !Array.isArray(owners) ? (owners as Owners) : {};
  } catch {
    return {};
  }
}

/** Writes the record, leaving out folders that are gone (a test's, a benchmark's). */
function writeOwners(file: string, owners: Owners): void {
  const present = Object.entries(owners).filter(([folder]) => existsSync(folder));
  writeAtomically(file, `${JSON.stringify(Object.fromEntries(present), null, 2)}\n`);
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
export default function keptOutput(options: { ownersFile: string }): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let before = new Map<string, bigint>();
  return {
    name: 'edition-kept-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = resolve(fileURLToPath(config.outDir));
        cacheDir = resolve(fileURLToPath(config.cacheDir));
      },
      'astro:build:start': ({ logger }) => {
        const owners = readOwners(options.ownersFile);
        if (owners[outDir] !== cacheDir && existsSync(outDir) && readdirSync(outDir).some((name) => name !== publishingRepository)) {
          emptyFolder(outDir);
          logger.info(
            'Output folder emptied: its last build was of another collection, base path or address, or did not finish, or this one has been built elsewhere since.',
          );
        }
        // Until this build finishes, the folder is no build's: stopped half-way, it is emptied
        // next time. Nor is any other folder this cache's last build wrote: this build changes
        // the keys its pages are checked by.
        delete owners[outDir];
        for (const [folder, cache] of Object.entries(owners)) if (cache === cacheDir) delete owners[folder];
        writeOwners(options.ownersFile, owners);
        before = modifiedTimes(outDir);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const site = resolve(fileURLToPath(dir));
        const pages = new Set([...assets.values()].flat().map((url) => relative(site, fileURLToPath(url)).split('\\').join('/')));
        const after = modifiedTimes(site);
        const stale = staleFiles(before, after, pages);
        for (const file of stale) rmSync(join(site, file), { force: true });
        removeEmptyFolders(site, stale);
        const owners = readOwners(options.ownersFile);
        owners[outDir] = cacheDir;
        writeOwners(options.ownersFile, owners);
        const kept = [...pages].filter((page) => before.has(page) && before.get(page) === after.get(page)).length;
        logger.info(`Output folder: ${kept} pages kept as the last build wrote them, ${stale.length} files of the last build removed.`);
      },
    },
  };
}
