/**
 * Measures search on the built site against the Starlight baseline built from the same text,
 * in the same run, and writes the "search" section of docs/benchmarks.md: the index on disk,
 * and, in Chromium against both served builds (gzip, as static hosts send), the bytes a first
 * search costs (to its first result, and until it has settled) and the time from the reader's
 * first action on the search box to the first result shown (medians of several cold runs, the
 * two sites taking turns).
 *
 *   npm ci --prefix bench/baselines          (once: the baselines' own dependencies)
 *   npm run bench            (runs this after bench/bench.ts, on the site it built)
 *   BENCH_RUNS=5 node bench/bench-search.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { median } from './lib/median.ts';
import { gzipSize } from '../tools/page-weight.ts';
import { replaceSection } from './lib/report-sections.ts';
import { launchBrowser } from '../tools/browser.ts';
import { serveStatic } from '../tools/static-server.ts';
import { editionFirstSearch, type FirstSearch, prepareStarlight, starlightBuildCommand, starlightDistDir, starlightFirstSearch } from './baselines.ts';
import { type FileKind, type FirstSearchRun, measureFirstSearch } from './first-search.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const queries = (process.env['BENCH_QUERIES'] ?? 'Quemoy,Taiwan').split(',');
const reportPath = 'docs/benchmarks.md';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// Starlight from the same text, built now, so that both sites are measured in one run.
prepareStarlight('content');
const built = spawnSync(starlightBuildCommand.command, starlightBuildCommand.args, {
  cwd: starlightBuildCommand.cwd,
  env: { ...process.env, ...starlightBuildCommand.env },
  encoding: 'utf8',
});
if (built.status !== 0) throw new Error(`The Starlight baseline did not build (run npm ci --prefix bench/baselines first?):\n${built.stdout}\n${built.stderr}`);

interface Site {
  name: string;
  dir: string;
  search: FirstSearch;
}
const sites: Site[] = [
  { name: 'edition', dir: 'dist', search: editionFirstSearch },
  { name: 'Starlight', dir: starlightDistDir, search: starlightFirstSearch },
];

/** The Pagefind bundle on disk: its index data (what grows with the text) apart from its code. */
function indexSize(dir: string) {
  const files = readdirSync(join(dir, 'pagefind'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const size = (test: (path: string) => boolean) =>
    files.filter((entry) => test(join(entry.parentPath, entry.name))).reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
  return {
    files: files.length,
    total: size(() => true),
    data: size((path) => /\.pf_(?:meta|index|fragment|filter)$/.test(path)),
    index: size((path) => /\.pf_(?:meta|index)$/.test(path)),
    fragments: size((path) => path.endsWith('.pf_fragment')),
    filters: size((path) => path.endsWith('.pf_filter')),
  };
}

const servers = await Promise.all(sites.map((site) => serveStatic(site.dir, '/', { compress: true })));
const browser = await launchBrowser();
const measured = new Map<string, FirstSearchRun[]>();
const load: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    load.push(loadavg()[0] ?? 0);
    for (const query of queries) {
      for (const [index, site] of sites.entries()) {
        const key = `${site.name}|${query}`;
        const result = await measureFirstSearch(browser, servers[index]?.url ?? '', query, site.search);
        measured.set(key, [...(measured.get(key) ?? []), result]);
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}

const pagefindVersion = (JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string }).version;
const kinds: FileKind[] = ['engine', 'index', 'fragments', 'filters', 'code and data'];
const searchRows = queries.flatMap((query) =>
  sites.map((site) => {
    const results = measured.get(`${site.name}|${query}`) ?? [];
    const kindMedians = kinds.map((kind) => `${kind} ${kb(median(results.map((result) => result.kinds[kind])))}`);
    return `| ${site.name} | “${query}” | **${median(results.map((result) => result.ms)).toFixed(0)} ms** (${results.map((result) => result.ms.toFixed(0)).join(', ')}) | **${kb(median(results.map((result) => result.bytes)))}** | ${kindMedians.join(', ')} | ${kb(median(results.map((result) => result.settledBytes)))} |`;
  }),
);
const sizeRows = sites.map((site) => {
  const size = indexSize(site.dir);
  return `| ${site.name} | **${kb(size.data)}** | ${kb(size.index)} | ${kb(size.fragments)} | ${kb(size.filters)} | ${kb(size.total)} in ${size.files} files |`;
});
/** Search code that a site's pages load before the reader searches (Pagefind's own files are counted above when loaded). */
const preloaded = (dir: string, pattern: RegExp) =>
  readdirSync(join(dir, '_astro'))
    .filter((name) => pattern.test(name))
    .reduce((sum, name) => sum + gzipSize(readFileSync(join(dir, '_astro', name))), 0);
const editionLoader = preloaded('dist', /^(?:Base\.astro_astro_type_script.*|preload-helper\..*)\.js$/);
const starlightInterface = preloaded(starlightDistDir, /^ui-core\..*\.js$/);
const lastRun = measured.get(`edition|${queries[0]}`)?.at(-1);

const section = `## Search (Pagefind ${pagefindVersion}), against Starlight

Written by \`bench/bench-search.ts\`, ${new Date().toISOString().slice(0, 10)}: the edition as built in \`dist/\`, and the
Starlight baseline built from the same text in the same run (bench/baselines). ${runs} cold runs of each
query on each site in Chromium, the sites taking turns, both served on loopback with gzip; load
average of the machine (2 cores, shared) at the start of each run: ${load.map((value) => value.toFixed(1)).join(', ')}.

A first search as a reader makes it: the home page loaded and settled, then a click in the
search box (the edition's header) or on the search button (Starlight's) and the query typed.
Time is from the click to the first result in the page (Starlight's Pagefind UI searches 300 ms
after the last key; the edition 60 ms). Bytes are as sent (gzip): every file requested from the
click until the first result, and every Pagefind file requested before the click; then the same
until the search has settled (no request for half a second), when every result it shows is in.

| site | query | time to first result, median (runs) | bytes to first result | of which | bytes until settled |
| --- | --- | --- | --- | --- | --- |
${searchRows.join('\n')}

Search code the pages load before any search, not counted above: Starlight's Pagefind UI,
${kb(starlightInterface)} (gzip), on every page when the browser is idle; the edition's loader of its
search box, ${kb(editionLoader)} (gzip), which loads the rest on the first use of the box.

Index on disk (the Pagefind bundle; the index data is what grows with the text, the rest is
Pagefind's code, the same for both sites):

| site | index data | word index and page list | fragments | filters | whole bundle |
| --- | --- | --- | --- | --- | --- |
${sizeRows.join('\n')}

Files of the edition's last run for “${queries[0]}” (those after the first result in brackets): ${
  lastRun?.files
    .map((file) => `${new URL(file.url).pathname.split('/').at(-1)} ${kb(file.bytes)}`.replace(/^(.*)$/, file.beforeResult ? '$1' : '[$1]'))
    .join(', ') ?? 'none'
}.
`;
writeFileSync(reportPath, replaceSection(readFileSync(reportPath, 'utf8'), 'search', section));
console.log(section);
