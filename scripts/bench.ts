/**
 * Measures the built site and writes docs/benchmarks.md: build time (median of several runs),
 * the weight of the reading page (HTML, CSS and the one script) set against the same text as a
 * bare HTML page and against the page before citing was added, and what citing loads on demand.
 *
 *   npm run bench            (BENCH_RUNS=5 for more build runs)
 *   BENCH_BASELINE=202e9ee npm run bench
 *
 * With BENCH_BASELINE, that commit is unpacked (git archive) into a temporary folder and built
 * with this project's node_modules, alternating with this tree's builds, so that both medians
 * see the same load on a shared machine.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const page = 'dist/documents/antonov-mao-1959-10-14/index.html';
const citationsData = 'dist/documents/antonov-mao-1959-10-14/citations.json';

/**
 * The reading page before citing (commit 202e9ee: no meta tags, Cite panel, correction log or
 * script), measured with this script's gzip settings. Bytes are exact; they change only with
 * the page.
 */
const beforeCiting = { commit: '202e9ee', html: 90127, htmlGzip: 25025, css: 6425, cssGzip: 2181, js: 0 };
const source = 'content/sources/antonov-mao-1959-10-14.txt';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 6 }).length;
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// Build time, alternating with the baseline's when one is asked for. The load average says how
// busy the shared machine was: times are only comparable within one run.
const loadBefore = loadavg()[0] ?? 0;
const baseline = process.env['BENCH_BASELINE'];
const baselineDir = baseline === undefined ? undefined : mkdtempSync(join(tmpdir(), 'edition-bench-'));
if (baseline !== undefined && baselineDir !== undefined) {
  execSync(`git archive ${baseline} | tar -x -C ${baselineDir}`);
  symlinkSync(join(process.cwd(), 'node_modules'), join(baselineDir, 'node_modules'));
}
const timeBuild = (cwd: string) => {
  const start = performance.now();
  execFileSync('npx', ['astro', 'build'], { cwd, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  return (performance.now() - start) / 1000;
};
const times: number[] = [];
const baselineTimes: number[] = [];
for (let run = 0; run < runs; run++) {
  if (baselineDir !== undefined) baselineTimes.push(timeBuild(baselineDir));
  times.push(timeBuild('.'));
}
if (baselineDir !== undefined) rmSync(baselineDir, { recursive: true, force: true });

// The reading page and what it loads.
const html = readFileSync(page);
const stylesheets = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1] ?? '');
const css = stylesheets.map((href) => readFileSync(join('dist', href.replace(/^\//, ''))));
const scriptTags = [...html.toString().matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
const jsonLd = scriptTags.filter((tag) => tag.includes('application/ld+json')).length;
const scriptSources = scriptTags.map((tag) => /src="([^"]+)"/.exec(tag)?.[1]).filter((src): src is string => src !== undefined);
const js = scriptSources.map((src) => readFileSync(join('dist', src.replace(/^\//, ''))));
const jsGzip = js.reduce((sum, file) => sum + gz(file), 0);
const notes = [...html.toString().matchAll(/class="sidenote"/g)].length;
const jsFiles = readdirSync('dist/_astro').filter((name) => name.endsWith('.js'));
const cssGzip = css.reduce((sum, file) => sum + gz(file), 0);
const pageGzip = gz(html) + cssGzip + jsGzip;
const citations = readFileSync(citationsData);
const beforeGzip = beforeCiting.htmlGzip + beforeCiting.cssGzip;

// The same text as a hand-written HTML page: paragraphs only, no styles.
const bare = `<!doctype html><html lang="en"><meta charset="utf-8"><title>A Conversation with Mao, 1959</title>${readFileSync(source, 'utf8')
  .split(/\n\s*\n/)
  .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
  .join('\n')}`;

// Search: what a first query costs a reader, in Chromium against the served build.
const indexFiles = readdirSync('dist/pagefind', { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
const indexBytes = indexFiles.reduce((sum, entry) => sum + readFileSync(join(entry.parentPath, entry.name)).length, 0);
const searchRuns: { bytes: number; ms: number }[] = [];
const server = await serveStatic('dist');
const browser = await launchBrowser();
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  let bytes = 0;
  tab.on('response', async (response) => {
    if (response.url().includes('/pagefind/')) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
  });
  const start = performance.now();
  await tab.goto(`${server.url}search/?q=Jinmen`);
  await tab.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0, null, { timeout: 30_000 });
  searchRuns.push({ bytes, ms: performance.now() - start });
  await context.close();
}
await browser.close();
await server.close();

const version = (name: string) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version as string;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [
  ['Reading page HTML', kb(html.length), kb(gz(html))],
  ...css.map((file, index) => [`Stylesheet ${stylesheets[index]?.split('/').at(-1)}`, kb(file.length), kb(gz(file))]),
  ...js.map((file, index) => [`Script ${scriptSources[index]?.split('/').at(-1)} (module, after the page)`, kb(file.length), kb(gz(file))]),
  [
    'JavaScript on the reading page',
    `${scriptSources.length} external module${scriptSources.length === 1 ? '' : 's'}, ${jsonLd} JSON-LD block (data), ${jsFiles.length} .js file${jsFiles.length === 1 ? '' : 's'} in _astro/`,
    `${js.reduce((sum, file) => sum + file.length, 0)} B raw, ${jsGzip} B gzip`,
  ],
  ['**Reading page total (HTML + CSS + JS)**', '', `**${kb(pageGzip)}**`],
  ['Bare HTML page of the same text (no notes, no CSS)', kb(Buffer.byteLength(bare)), kb(gz(bare))],
];

const citingRows = [
  ['Reading page HTML', kb(beforeCiting.html), kb(html.length), `${kb(beforeCiting.htmlGzip)} → ${kb(gz(html))}`],
  ['Stylesheet', kb(beforeCiting.css), kb(css.reduce((sum, file) => sum + file.length, 0)), `${kb(beforeCiting.cssGzip)} → ${kb(cssGzip)}`],
  ['JavaScript', kb(beforeCiting.js), kb(js.reduce((sum, file) => sum + file.length, 0)), `0 KB → ${kb(jsGzip)}`],
  ['**Total**', '', '', `**${kb(beforeGzip)} → ${kb(pageGzip)}** (+${kb(pageGzip - beforeGzip)})`],
];

const report = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts); numbers from the last run. The machines are
shared and noisy: times are medians of ${runs} runs; byte counts are exact and repeatable.

- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB
- Node ${process.version}, Astro ${version('astro')}, @astrojs/markdown-remark ${version('@astrojs/markdown-remark')}
- Date: ${new Date().toISOString().slice(0, 10)}
- Load average (1 min) at the start of the builds: ${loadBefore.toFixed(1)} on ${cpus().length} cores

## Build

| what | median | runs |
| --- | --- | --- |
| \`astro build\` (1 document, ${readdirSync('dist', { recursive: true }).filter((name) => String(name).endsWith('.html')).length} pages) | ${median(times).toFixed(2)} s | ${times.map((time) => time.toFixed(2)).join(', ')} |
${baseline === undefined ? '' : `| \`astro build\` of commit ${baseline}, alternating with the above | ${median(baselineTimes).toFixed(2)} s | ${baselineTimes.map((time) => time.toFixed(2)).join(', ')} |\n`}
## Search (Pagefind ${version('pagefind')})

| what | value |
| --- | --- |
| index on disk (dist/pagefind, all files) | ${kb(indexBytes)} in ${indexFiles.length} files |
| bytes fetched from /pagefind/ by a first query (“Jinmen”, cold cache) | ${kb(median(searchRuns.map((run) => run.bytes)))} |
| time from opening /search/?q=Jinmen to the first results shown (median) | ${median(searchRuns.map((run) => run.ms)).toFixed(0)} ms (runs: ${searchRuns.map((run) => run.ms.toFixed(0)).join(', ')}) |

## Reading page weight

\`${page}\`, gzip level 6 (what a static host typically serves).

| what | raw | gzip |
| --- | --- | --- |
${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}

The reading page carries ${notes} margin notes (each also printed as an endnote for paper), the
paragraph numbers, the metadata header, the reference-manager metadata, the Cite panel and the
correction log: ${(pageGzip / gz(bare)).toFixed(2)} × the gzip weight of the bare text. It loads no font,
asks nothing of any other origin, and reads completely without its one script.

## Citing: before and after

The reading page before citing was added (commit ${beforeCiting.commit}) and now.

| what | raw before | raw now | gzip before → now |
| --- | --- | --- | --- |
${citingRows.map((row) => `| ${row.join(' | ')} |`).join('\n')}

Loaded only when a reader first opens a paragraph's Cite dialog: \`citations.json\`, every
paragraph's citations in every style, ${kb(citations.length)} raw, ${kb(gz(citations))} gzip.
`;

mkdirSync('docs', { recursive: true });
writeFileSync('docs/benchmarks.md', report);
console.log(report);
