/**
 * Builds an archive too large to rebuild at once in parts, by year of conversationDate: each
 * part is the whole site for its documents (with the whole registry), built under its own base
 * path, and its search page also searches the other parts (SEARCH_PARTS, Pagefind's
 * mergeIndex). The output folder is laid out as it is deployed on one origin:
 *
 *   <out>/archive/1949-1969/…   <out>/archive/1970-1991/…   <out>/_headers
 *
 * (scripts/build-parts.ts is its command:)
 *
 *   npm run build:parts -- <collection> [--parts 1949-1969,1970-1991] [--prefix /archive/]
 *                          [--out dist-parts] [--only 1970-1991]
 *
 * --only rebuilds the parts named and leaves the others as they are in <out>. The collection
 * is read, never written: each part's content is copied into a scratch folder, .parts-work/.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { assignToParts, conversationYear, frontmatterOf, type PartRange, partBasePath, partsHeadersFile } from '../src/content/archive-parts.ts';
import { anchorLockFile } from '../src/content/content-files.ts';
import { astroBuild } from './astro-build.ts';

export interface PartsOptions {
  /** The collection: a folder laid out like content/ (documents/, entities/, …). */
  collection: string;
  /** Where the deployable folder goes. */
  out: string;
  ranges: PartRange[];
  /** The path all parts live below: `/archive/`. */
  prefix: string;
  /** Labels of the parts to build; default: all. */
  only?: string[];
}

export interface PartReport {
  label: string;
  base: string;
  documents: number;
  /** Wall-clock seconds of the part's `astro build`, its search index included. */
  seconds: number;
  pages: number;
  /** The part's Pagefind bundle on disk: its code and WebAssembly, and the index proper. */
  bundleBytes: number;
  /** The index proper (pf_meta, index/, filter/, fragment/), what grows with the documents: files and bytes. */
  indexFiles: number;
  indexBytes: number;
}

/**
 * Copies each part's documents, with the registry and the bibliography, their correction logs
 * and their entries of the anchor lock, into `<work>/<label>/`: a content folder for
 * EDITION_CONTENT.
 */
export function splitCollection(collection: string, ranges: readonly PartRange[], work: string): Map<string, string> {
  const documentsDir = join(collection, 'documents');
  const names = readdirSync(documentsDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const markdown = new Map(names.map((name) => [name, readFileSync(join(documentsDir, name), 'utf8')]));
  const parts = assignToParts(
    names.map((name) => ({ name, year: conversationYear(markdown.get(name) ?? '') })),
    ranges,
  );
  const lockPath = anchorLockFile(collection);
  const lock = existsSync(lockPath) ? (JSON.parse(readFileSync(lockPath, 'utf8')) as Record<string, unknown>) : undefined;
  const folders = new Map<string, string>();
  for (const [label, files] of parts) {
    const folder = join(work, label);
    mkdirSync(join(folder, 'documents'), { recursive: true });
    cpSync(join(collection, 'entities'), join(folder, 'entities'), { recursive: true });
    for (const file of ['bibliography.yaml', 'blocked-hosts.yaml']) {
      if (existsSync(join(collection, file))) cpSync(join(collection, file), join(folder, file));
    }
    const slugs: string[] = [];
    for (const name of files) {
      writeFileSync(join(folder, 'documents', name), markdown.get(name) ?? '');
      const slug = String(frontmatterOf(markdown.get(name) ?? '')['slug'] ?? name.replace(/\.md$/, ''));
      slugs.push(slug);
      const log = join(collection, 'corrections', `${slug}.yaml`);
      if (existsSync(log)) {
        mkdirSync(join(folder, 'corrections'), { recursive: true });
        cpSync(log, join(folder, 'corrections', `${slug}.yaml`));
      }
    }
    // Each part's lock holds its own documents only: the whole lock would make a part answer
    // for anchors it does not publish.
    if (lock)
      writeFileSync(
        anchorLockFile(folder),
        `${JSON.stringify(Object.fromEntries(slugs.filter((slug) => slug in lock).map((slug) => [slug, lock[slug]])), null, 2)}\n`,
      );
    folders.set(label, folder);
  }
  return folders;
}

function folderSize(dir: string, include: (name: string) => boolean = () => true): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const stats = statSync(join(dir, name));
    if (stats.isFile() && include(name)) {
      files++;
      bytes += stats.size;
    }
  }
  return { files, bytes };
}

// Every bundle's (src/integrations/search-bundles.ts): the first's at the top, the others' below it.
const indexFile = (name: string) => name.endsWith('.pf_meta') || /(?:^|[/\\])(?:index|filter|fragment)[/\\]/.test(name);

/** Builds the parts into `<out><base>` one after another, and writes `<out>/_headers` for all. */
export function buildArchiveInParts(options: PartsOptions): PartReport[] {
  const fromContent = relative(resolve('content'), resolve(options.out));
  if (!fromContent.startsWith('..')) throw new Error(`${options.out} is inside content/: write the parts elsewhere, e.g. dist-parts/.`);
  const labels = options.ranges.map((range) => range.label);
  const unknown = (options.only ?? []).filter((label) => !labels.includes(label));
  if (unknown.length > 0) throw new Error(`--only: no part ${unknown.join(', ')}; the parts are ${labels.join(', ')}.`);
  const bases = new Map(labels.map((label) => [label, partBasePath(options.prefix, label)]));
  // Astro takes content files only from inside the project: the parts' content goes into a
  // scratch folder here (gitignored), removed when done.
  mkdirSync('.parts-work', { recursive: true });
  const work = mkdtempSync(join('.parts-work', 'content-'));
  const reports: PartReport[] = [];
  try {
    const folders = splitCollection(options.collection, options.ranges, work);
    for (const label of labels.filter((candidate) => !options.only || options.only.includes(candidate))) {
      const base = bases.get(label) ?? '';
      const outDir = join(options.out, base);
      const folder = folders.get(label) ?? '';
      const documents = readdirSync(join(folder, 'documents')).length;
      console.log(`Building part ${label} (${documents} documents) into ${outDir}…`);
      const start = performance.now();
      const result = astroBuild(
        outDir,
        {
          // Relative: Astro refuses content files given by an absolute path.
          EDITION_CONTENT: folder,
          BASE_PATH: base,
          SEARCH_PARTS: [...bases.values()].filter((other) => other !== base).join(','),
        },
        { timeout: undefined },
      );
      const seconds = (performance.now() - start) / 1000;
      if (result.status !== 0) throw new Error(`The build of part ${label} (${base}) failed:\n${result.stdout}\n${result.stderr}`);
      // The part's own _headers would be served as a file below its base: the root file replaces it.
      rmSync(join(outDir, '_headers'), { force: true });
      const index = folderSize(join(outDir, 'pagefind'), indexFile);
      reports.push({
        label,
        base,
        documents,
        seconds,
        pages: (readdirSync(outDir, { recursive: true }) as string[]).filter((name) => name.endsWith('.html')).length,
        bundleBytes: folderSize(join(outDir, 'pagefind')).bytes,
        indexFiles: index.files,
        indexBytes: index.bytes,
      });
    }
    const missing = [...bases].filter(([, base]) => !existsSync(join(options.out, base, 'index.html'))).map(([label]) => label);
    if (missing.length > 0) throw new Error(`Part(s) ${missing.join(', ')} not built yet in ${options.out}: build them (without --only) before deploying.`);
    writeFileSync(join(options.out, '_headers'), partsHeadersFile([...bases.values()]));
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (readdirSync('.parts-work').length === 0) rmSync('.parts-work', { recursive: true, force: true });
  }
  return reports;
}
