/**
 * The collection benchmark: the edition built from 1, 100, 1,000 and 10,000 documents, and the
 * same content as the two baselines a reader or an archive would otherwise use (a default
 * Astro Starlight site with its Pagefind search; plain pages styled by tufte-css). Writes the
 * "collection" section of docs/benchmarks.md.
 *
 *   npm ci --prefix bench/baselines          (once: the baselines' own dependencies)
 *   npm run bench                            (runs this after the single-document benchmarks)
 *   BENCH_SIZES=1,100 BENCH_RUNS=3 node bench/bench-collection.ts
 *
 * N = 1 is the memorandum itself; larger N are synthetic collections made from it
 * (scripts/generate-collection.ts), written under bench/scratch/, never into content/.
 * Builds are timed from the outside, with the peak memory of the whole process tree sampled
 * from /proc; the served sites are measured in Chromium (cold cache each run).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  editionFirstSearch,
  prepareStarlight,
  readingPagePath,
  starlightBuildCommand,
  starlightDistDir,
  starlightFirstSearch,
  writeTufte,
} from './baselines.ts';
import { type FirstSearchRun, measureFirstSearch } from './first-search.ts';
import { renderCacheDir } from '../src/content/render-cache.ts';
import { parsePartRanges } from '../src/content/archive-parts.ts';
import { splitCollection } from '../tools/build-parts.ts';
import { weighPage } from '../tools/page-weight.ts';
import { median } from './lib/median.ts';
import { replaceSection } from './lib/report-sections.ts';
import { launchBrowser } from '../tools/browser.ts';
import { serveStatic } from '../tools/static-server.ts';

const sizes = (process.env['BENCH_SIZES'] ?? '1,100,1000,10000').split(',').map(Number);
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
/** Builds of this many documents or more run once: each takes many minutes on two cores. */
const largeFrom = Number(process.env['BENCH_LARGE'] ?? 1000);
/** A build that takes longer than this is stopped and reported as not finished. */
const timeoutMinutes = Number(process.env['BENCH_TIMEOUT_MINUTES'] ?? 90);
const query = 'Taiwan';
const work = 'bench/scratch';
const reportPath = 'docs/benchmarks.md';

/** Resident memory of a process and all its descendants, in bytes, from /proc. */
function treeMemory(pid: number): number {
  let total = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(' ') : []) visit(Number(child));
      }
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return total;
}

interface Timed {
  seconds: number;
  peakBytes: number;
  /** Seconds from the start of the build to its peak memory. */
  peakAt: number;
  finished: boolean;
  output: string;
  load: number;
}

/** Runs a command, timing it and sampling the memory of its process tree every 100 ms. */
function timed(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const load = loadavg()[0] ?? 0;
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? '.',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The log without Astro's line per page written (thousands of them; with pages written
    // sixteen at a time, their times come apart from their paths, on lines of their own), so
    // that what is kept holds the phases and any error.
    let output = '';
    let rendered = '';
    const keep = (chunk: Buffer) => {
      const lines = chunk
        .toString()
        .split('\n')
        .filter((line) => !line.includes('├─') && !line.includes('└─') && !/^\s*(?:\(\+[\d.]+m?s\)\s*)+$/.test(line));
      // The loader's line of what it rendered comes early: kept apart, so that the tail does not drop it.
      rendered += lines.filter((line) => / documents: \d+ rendered, /.test(line)).join('\n');
      output = (output + lines.join('\n')).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peakBytes = 0;
    let peakTime = start;
    const sampler = setInterval(() => {
      const bytes = child.pid === undefined ? 0 : treeMemory(child.pid);
      if (bytes > peakBytes) [peakBytes, peakTime] = [bytes, performance.now()];
    }, 100);
    const limit = setTimeout(() => child.kill('SIGKILL'), timeoutMinutes * 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      clearTimeout(limit);
      resolve({
        seconds: (performance.now() - start) / 1000,
        peakBytes,
        peakAt: (peakTime - start) / 1000,
        finished: code === 0,
        output: `${rendered}\n${output}`,
        load,
      });
    });
  });
}

/** Bytes and files under a folder. */
function folderSize(dir: string): { bytes: number; files: number } {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return { bytes: files.reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0), files: files.length };
}

/** Where the edition's build spent its time, from its own log. */
function phases(output: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the log's colour codes start with ESC.
  const clean = output.replace(/\x1b\[[0-9;]*m/g, '');
  const duration = '([\\d.]+ms|\\d+m(?: [\\d.]+s)?|[\\d.]+s)';
  const collect = new RegExp(`Collecting build info\\.\\.\\.\\s*\\n.*?Completed in ${duration}`, 's').exec(clean)?.[1];
  const routes = new RegExp(`generating static routes[\\s\\S]*?Completed in ${duration}`).exec(clean)?.[1];
  const index = /Search index: (\d+) pages in (\d+) bundles?.*?, in ([\d.]+) s/.exec(clean);
  return [
    collect && `content loaded and rendered ${collect}`,
    routes && `pages written ${routes}`,
    index && `search index of ${index[1]} pages in ${index[2]} bundle${index[2] === '1' ? '' : 's'} ${index[3]} s`,
  ]
    .filter(Boolean)
    .join('; ');
}

/** Each build's log, for a build that fails or to see where its time went: bench/scratch/logs/. */
function keepLog(name: string, build: Timed | undefined): void {
  mkdirSync(`${work}/logs`, { recursive: true });
  writeFileSync(`${work}/logs/${name}.log`, build?.output ?? '');
  if (build && !build.finished) console.log(`  ${name} failed; its log: ${work}/logs/${name}.log`);
}

interface Site {
  name: 'edition' | 'starlight' | 'tufte';
  build: Timed[];
  dir: string;
  indexDir?: string;
  page: string;
}

interface Served {
  weight: number;
  js: number;
  searchBytes?: number;
  searchMs?: number;
}

/** The reading page's weight and, where the site has search, a first search in Chromium, cold each run. */
async function measureServed(site: Site): Promise<Served> {
  const html = readFileSync(join(site.dir, site.page));
  const weight = weighPage(`https://example.org/${site.page.replace(/index\.html$/, '')}`, html, (url) =>
    readFileSync(join(site.dir, decodeURIComponent(url.pathname))),
  );
  if (site.name === 'tufte') return { weight: weight.total, js: weight.js };
  const server = await serveStatic(site.dir, '/', { compress: true });
  const browser = await launchBrowser();
  const measured: FirstSearchRun[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      measured.push(await measureFirstSearch(browser, server.url, query, site.name === 'edition' ? editionFirstSearch : starlightFirstSearch));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    weight: weight.total,
    js: weight.js,
    searchBytes: median(measured.map((run) => run.bytes)),
    searchMs: median(measured.map((run) => run.ms)),
  };
}

const version = (path: string) => (JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { version: string }).version;
const kb = (bytes: number) =>
  bytes >= 10 * 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(0)} MB` : bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
const secondsText = (seconds: number) => (seconds >= 120 ? `${(seconds / 60).toFixed(1)} min` : `${seconds.toFixed(1)} s`);
/** A figure of a site that was measured, or a dash for one whose build did not finish. */
const measuredKb = (bytes: number | undefined) => (bytes === undefined ? '–' : kb(bytes));
const measuredMs = (ms: number | undefined) => (ms === undefined ? '–' : `${ms.toFixed(0)} ms`);
const ratio = (ours: number | undefined, theirs: number | undefined) =>
  ours === undefined || theirs === undefined || theirs === 0 ? '–' : `${(ours / theirs).toFixed(2)}×`;

interface Row {
  n: number;
  sites: Record<Site['name'], Site>;
  served: Partial<Record<Site['name'], Served>>;
  /** Site and search index, measured right after the builds (Starlight builds into one folder). */
  size: Record<Site['name'], { site: { bytes: number; files: number }; index: { bytes: number; files: number } } | undefined>;
}

/** Changes a word of a document's first paragraph, as an editor's correction would. */
function changeOneDocument(path: string): void {
  const markdown = readFileSync(path, 'utf8');
  // A paragraph's line ends with its id, `{#intro-1}`; a heading's starts with `#`.
  const paragraph = /^(?!#)(.*\S)( \{#[^}]+\})$/m;
  if (!paragraph.test(markdown)) throw new Error(`${path}: no paragraph with an id to change.`);
  writeFileSync(path, markdown.replace(paragraph, '$1 (Corrected.)$2'));
}

/** The documents loader's line of what it rendered and what it read back. */
const renderedLine = (output: string) => /\d+ documents: \d+ rendered, \d+ unchanged since the last build/.exec(output)?.[0] ?? 'no line in the log';

/**
 * The archive in parts (docs/archive-in-parts.md) at this size: the collection split in two by
 * years, and both parts built at once, side by side, cold. Timed from the start of both to the
 * end of the later; the peak memory is that of both builds together.
 */
async function twoParts(
  n: number,
  collection: string,
): Promise<{ n: number; parts: { label: string; documents: number; build: Timed }[]; seconds: number; peakBytes: number }> {
  const ranges = parsePartRanges('1949-1969,1970-1991');
  // Astro takes content only from inside the project: the parts' folders go under bench/scratch.
  rmSync(`${work}/parts-${n}`, { recursive: true, force: true });
  const folders = splitCollection(collection, ranges, `${work}/parts-${n}`);
  const start = performance.now();
  let peakBytes = 0;
  const sampler = setInterval(() => {
    peakBytes = Math.max(peakBytes, treeMemory(process.pid) - process.memoryUsage.rss());
  }, 100);
  try {
    const parts = await Promise.all(
      [...folders].map(async ([label, folder]) => {
        rmSync(renderCacheDir('.', folder), { recursive: true, force: true });
        const build = await timed(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', `${work}/parts-${n}-dist/${label}`], {
          env: { EDITION_CONTENT: folder, BASE_PATH: `/archive/${label}/`, SEARCH_PARTS: ranges.map((range) => `/archive/${range.label}/`).join(',') },
        });
        keepLog(`edition-${n}-part-${label}`, build);
        return { label, documents: readdirSync(join(folder, 'documents')).length, build };
      }),
    );
    return { n, parts, seconds: (performance.now() - start) / 1000, peakBytes };
  } finally {
    clearInterval(sampler);
  }
}

const rows: Row[] = [];
const warmBuilds = new Map<number, Timed>();
const partsN = Number(process.env['BENCH_PARTS'] ?? 1000);
let partsRow: Awaited<ReturnType<typeof twoParts>> | undefined;
const starlightPrepareSeconds = new Map<number, number>();
for (const n of sizes) {
  const collection = n === 1 ? 'content' : `${work}/collection-${n}`;
  if (n > 1) await timed(process.execPath, ['scripts/generate-collection.ts', String(n), collection]);
  const slug = n === 1 ? 'antonov-mao-1959-10-14' : 'synthetic-00001';
  const times = n >= largeFrom ? 1 : runs;
  console.log(`N = ${n}: ${times} build(s) of each`);

  const editionDir = `${work}/edition-${n}`;
  const edition: Site = { name: 'edition', build: [], dir: editionDir, indexDir: `${editionDir}/pagefind`, page: readingPagePath.edition(slug) };
  const starlight: Site = {
    name: 'starlight',
    build: [],
    dir: starlightDistDir,
    indexDir: `${starlightDistDir}/pagefind`,
    page: readingPagePath.starlight(slug),
  };
  const tufteDir = `${work}/tufte-${n}`;
  const tufte: Site = { name: 'tufte', build: [], dir: tufteDir, page: readingPagePath.tufte(slug) };

  for (let run = 0; run < times; run++) {
    rmSync(editionDir, { recursive: true, force: true });
    // Cold: no render of an earlier build to read back (src/content/render-cache.ts).
    rmSync(renderCacheDir('.', collection), { recursive: true, force: true });
    edition.build.push(
      await timed(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', editionDir], { env: { EDITION_CONTENT: collection } }),
    );
    keepLog(`edition-${n}-${run + 1}`, edition.build.at(-1));
    console.log(`  edition ${secondsText(edition.build.at(-1)?.seconds ?? 0)}`);
  }
  // A warm build: one document changed since the last build, whose renders the next one reads.
  if (n > 1) {
    changeOneDocument(join(collection, 'documents', `${slug}.md`));
    const built = await timed(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', editionDir], {
      env: { EDITION_CONTENT: collection },
    });
    keepLog(`edition-${n}-one-changed`, built);
    warmBuilds.set(n, built);
    console.log(`  edition, one document changed: ${secondsText(built.seconds)} (${renderedLine(built.output)})`);
  }
  // Starlight reads its pages from its own content folder: writing them is part of its build.
  for (let run = 0; run < times; run++) {
    // A cold build, as the edition's always is: Astro would otherwise reuse the pages it
    // rendered in the previous run from its content cache.
    for (const cache of ['.astro', 'node_modules/.astro']) rmSync(join(starlightBuildCommand.cwd, cache), { recursive: true, force: true });
    // Writing Starlight's pages from the edition's Markdown is this benchmark's work, not
    // Starlight's: a Starlight site would have them already. Timed apart, not counted.
    const prepared = performance.now();
    prepareStarlight(collection);
    starlightPrepareSeconds.set(n, (performance.now() - prepared) / 1000);
    const built = await timed(starlightBuildCommand.command, starlightBuildCommand.args, { cwd: starlightBuildCommand.cwd, env: starlightBuildCommand.env });
    starlight.build.push(built);
    keepLog(`starlight-${n}-${run + 1}`, built);
    console.log(`  starlight ${secondsText(built.seconds)}`);
  }
  for (let run = 0; run < times; run++) {
    const start = performance.now();
    writeTufte(collection, tufteDir);
    tufte.build.push({ seconds: (performance.now() - start) / 1000, peakBytes: 0, peakAt: 0, finished: true, output: '', load: loadavg()[0] ?? 0 });
  }
  const served: Row['served'] = {};
  for (const site of [edition, starlight, tufte]) {
    if (site.build.every((build) => build.finished)) served[site.name] = await measureServed(site);
  }
  const size = Object.fromEntries(
    // A build that did not finish has no size: its folder may still hold an earlier build's site.
    [edition, starlight, tufte].map((site) => [
      site.name,
      site.build.every((build) => build.finished) ? { site: folderSize(site.dir), index: folderSize(site.indexDir ?? '') } : undefined,
    ]),
  ) as Row['size'];
  rows.push({ n, sites: { edition, starlight, tufte }, served, size });
  if (n === partsN) {
    partsRow = await twoParts(n, collection);
    console.log(`  two parts side by side: ${secondsText(partsRow.seconds)}`);
  }
}

const buildMedian = (site: Site) => (site.build.every((build) => build.finished) ? median(site.build.map((build) => build.seconds)) : undefined);
const peak = (site: Site) => Math.max(...site.build.map((build) => build.peakBytes));
const peakAt = (site: Site) => site.build.reduce((top, build) => (build.peakBytes > top.peakBytes ? build : top)).peakAt;
const buildCell = (site: Site) => {
  const value = buildMedian(site);
  if (value === undefined) return `did not finish (${site.build.map((build) => secondsText(build.seconds)).join(', ')})`;
  return site.build.length > 1 ? `${secondsText(value)} (${site.build.map((build) => build.seconds.toFixed(1)).join(', ')})` : secondsText(value);
};

const section = `## A collection: the edition against Starlight and Tufte CSS

Written by \`bench/bench-collection.ts\` (run by \`npm run bench\`), ${new Date().toISOString().slice(0, 10)}.

- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; shared with other work, so times are noisy (the load average at the start of each build is below).
- Node ${process.version}; the edition: Astro ${version('node_modules/astro')}, Pagefind ${version('node_modules/pagefind')}; Starlight ${version('bench/baselines/node_modules/@astrojs/starlight')} on Astro ${version('bench/baselines/node_modules/astro')} with its Pagefind ${version('bench/baselines/node_modules/pagefind')}; tufte-css ${version('bench/baselines/node_modules/tufte-css')}.
- Collections: N = 1 is the memorandum (content/); larger N are made from it by \`npm run generate-collection -- N bench/scratch/collection-N\`: each document a reordered selection of its paragraphs with their notes, a date between 1949 and 1991, one person and two places swapped for others of the registry.
- Commands, each timed from the outside with the peak resident memory of its whole process tree:
  - the edition: \`EDITION_CONTENT=bench/scratch/collection-N astro build --outDir bench/scratch/edition-N\` (site and search index);
  - Starlight: the collection written as Starlight pages (\`prepareStarlight\` in bench/baselines.ts; not counted, as a Starlight site would have its pages already: ${[...starlightPrepareSeconds].map(([n, seconds]) => `${secondsText(seconds)} for ${n.toLocaleString('en')}`).join(', ')}), then \`astro build\` in bench/baselines/starlight (site and its Pagefind index);
  - Tufte CSS: \`writeTufte\` in bench/baselines.ts, the pages a script would write by hand (no search: tufte-css has none).
- Builds are cold: before each build, Starlight's content cache is deleted, and so is the edition's cache of renders (src/content/render-cache.ts). The warm build below is the one exception.
- Builds: ${runs} runs each below ${largeFrom.toLocaleString('en')} documents (median, runs in brackets), one run from ${largeFrom.toLocaleString('en')} up. Search: ${runs} cold runs in Chromium against the served build (gzip), for “${query}”, as bench/bench-search.ts measures it: the home page loaded and settled, then from the first click on the search box (the edition's header) or button (Starlight's) until the first result is in the page; bytes as sent, of every file requested from that click until the first result and of every Pagefind file before it.
- Reading page: the first document, with every stylesheet and script it loads before any interaction, gzip (as tests/e2e/budget.test.ts counts it).

### Build

| N | edition | Starlight | Tufte CSS | edition ÷ Starlight | peak memory: edition / Starlight | load at start |
| --- | --- | --- | --- | --- | --- | --- |
${rows
  .map(({ n, sites: { edition, starlight, tufte } }) =>
    [
      n.toLocaleString('en'),
      buildCell(edition),
      buildCell(starlight),
      buildCell(tufte),
      ratio(buildMedian(edition), buildMedian(starlight)),
      `${kb(peak(edition))} / ${kb(peak(starlight))}`,
      [...edition.build, ...starlight.build].map((build) => build.load.toFixed(1)).join(', '),
    ].join(' | '),
  )
  .map((row) => `| ${row} |`)
  .join('\n')}

A warm build: one word changed in the first paragraph of \`synthetic-00001\`, right after the cold builds, and the edition built again with the renders of the last build to read back (what the documents loader rendered is in brackets).

| N | edition, one document changed | edition cold (above) | warm ÷ cold | peak memory |
| --- | --- | --- | --- | --- |
${[...warmBuilds]
  .map(([n, build]) => {
    const cold = rows.find((row) => row.n === n);
    const coldSeconds = cold && buildMedian(cold.sites.edition);
    return `| ${n.toLocaleString('en')} | ${build.finished ? `${secondsText(build.seconds)} (${renderedLine(build.output)})` : 'did not finish'} | ${coldSeconds === undefined ? '–' : secondsText(coldSeconds)} | ${ratio(build.seconds, coldSeconds)} | ${kb(build.peakBytes)} |`;
  })
  .join('\n')}
${
  partsRow === undefined
    ? ''
    : `
The archive in parts (docs/archive-in-parts.md): the ${partsRow.n.toLocaleString('en')} documents split by years into two parts, both built at once, cold, each with \`BASE_PATH\` and \`SEARCH_PARTS\` as \`npm run build:parts\` gives them.

| N | parts | both built side by side | each part | peak memory of both |
| --- | --- | --- | --- | --- |
| ${partsRow.n.toLocaleString('en')} | ${partsRow.parts.map((part) => `${part.label} (${part.documents} documents)`).join(', ')} | ${partsRow.parts.every((part) => part.build.finished) ? secondsText(partsRow.seconds) : 'did not finish'} | ${partsRow.parts.map((part) => secondsText(part.build.seconds)).join(', ')} | ${kb(partsRow.peakBytes)} |
`
}
Where the edition's time went (its own log, last run), and when its memory peaked: ${rows
  .map(
    ({ n, sites }) =>
      `N = ${n.toLocaleString('en')}: ${phases(sites.edition.build.at(-1)?.output ?? '') || 'not reported'}; peak ${kb(peak(sites.edition))} at ${secondsText(peakAt(sites.edition))}`,
  )
  .join('. ')}.

### Size

| N | site: edition / Starlight / Tufte CSS | files: edition / Starlight | search index: edition / Starlight | index ratio |
| --- | --- | --- | --- | --- |
${rows
  .map(({ n, size }) => {
    const [e, s, t] = [size.edition?.site, size.starlight?.site, size.tufte?.site];
    const [ei, si] = [size.edition?.index, size.starlight?.index];
    const bytes = (value: { bytes: number } | undefined) => (value === undefined ? '–' : kb(value.bytes));
    return `| ${n.toLocaleString('en')} | ${bytes(e)} / ${bytes(s)} / ${bytes(t)} | ${e?.files ?? '–'} / ${s?.files ?? '–'} | ${bytes(ei)} / ${bytes(si)} | ${ratio(ei?.bytes, si?.bytes)} |`;
  })
  .join('\n')}

### Reading and first search

| N | reading page gzip: edition / Starlight / Tufte CSS | its JavaScript: edition / Starlight | first search bytes: edition / Starlight | first search time: edition / Starlight | ratios (weight, search bytes, search time) |
| --- | --- | --- | --- | --- | --- |
${rows
  .map(({ n, served: { edition, starlight, tufte } }) =>
    [
      n.toLocaleString('en'),
      `${measuredKb(edition?.weight)} / ${measuredKb(starlight?.weight)} / ${measuredKb(tufte?.weight)}`,
      `${measuredKb(edition?.js)} / ${measuredKb(starlight?.js)}`,
      `${measuredKb(edition?.searchBytes)} / ${measuredKb(starlight?.searchBytes)}`,
      `${measuredMs(edition?.searchMs)} / ${measuredMs(starlight?.searchMs)}`,
      `${ratio(edition?.weight, starlight?.weight)}, ${ratio(edition?.searchBytes, starlight?.searchBytes)}, ${ratio(edition?.searchMs, starlight?.searchMs)}`,
    ].join(' | '),
  )
  .map((row) => `| ${row} |`)
  .join('\n')}
`;

writeFileSync(reportPath, replaceSection(readFileSync(reportPath, 'utf8'), 'collection', section));
console.log(section);
