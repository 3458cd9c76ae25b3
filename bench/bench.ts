/**
 * Measures the built site and writes its section of docs/benchmarks.md: build time (median of
 * several runs) and the weight of the reading page, set against the same text as a bare HTML
 * page and as a bare Astro page.
 *
 *   npm run bench            (BENCH_RUNS=5 for more build runs)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliSize, gzipSize, weighPage } from '../tools/page-weight.ts';
import { median } from './lib/median.ts';
import { replaceSection } from './lib/report-sections.ts';
import { bareAstroPage } from './bare-page.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const page = 'dist/documents/antonov-mao-1959-10-14/index.html';
const markdownPath = 'content/documents/antonov-mao-1959-10-14.md';
const source = 'content/sources/antonov-mao-1959-10-14.txt';
const reportPath = 'docs/benchmarks.md';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// Build time.
const times: number[] = [];
// Other work on a shared machine slows the builds: the load at the start of each run says how much.
const load: number[] = [];
for (let run = 0; run < runs; run++) {
  load.push(loadavg()[0] ?? 0);
  const start = performance.now();
  execFileSync('npx', ['astro', 'build'], { stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  times.push((performance.now() - start) / 1000);
}

// The reading page and what it loads before any interaction (as the budget test counts it).
const html = readFileSync(page);
const weight = weighPage('https://example.org/documents/antonov-mao-1959-10-14/', html, (url) => readFileSync(join('dist', url.pathname)));
const notes = [...html.toString().matchAll(/class="sidenote"/g)].length;
const jsFiles = readdirSync('dist/_astro').filter((name) => name.endsWith('.js'));

// The same text as a hand-written HTML page: the source's paragraphs only, no notes, no styles.
const bare = `<!doctype html><html lang="en"><meta charset="utf-8"><title>A Conversation with Mao, 1959</title>${readFileSync(source, 'utf8')
  .split(/\n\s*\n/)
  .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
  .join('\n')}`;

// The same Markdown, notes included, as a bare Astro page renders it.
const bareAstro = await bareAstroPage(markdownPath);

const version = (name: string) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version as string;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pageFiles = [html, ...weight.assets.filter((asset) => asset.kind !== 'html' && !asset.inline).map((asset) => readFileSync(join('dist', asset.url)))];
const pageBrotli = pageFiles.reduce((sum, file) => sum + brotliSize(file), 0);
const cssBrotli = pageFiles.slice(1).reduce((sum, file) => sum + brotliSize(file), 0);
const rows = [
  ...weight.assets.map((asset, index) => [
    asset.kind === 'html' ? 'Reading page HTML' : `${asset.kind.toUpperCase()} ${asset.url.split('/').at(-1)}`,
    kb(asset.raw),
    kb(asset.gzip),
    asset.inline ? '' : kb(brotliSize(pageFiles[index] ?? '')),
  ]),
  ['JavaScript before any interaction', `${jsFiles.length} files in _astro/`, kb(weight.js), ''],
  ['**Reading page total (HTML + CSS + JS)**', '', `**${kb(weight.total)}** (${weight.total} bytes)`, `**${kb(pageBrotli)}**`],
  ['Bare Astro page of the same Markdown, notes as footnotes (no CSS)', kb(Buffer.byteLength(bareAstro)), kb(gzipSize(bareAstro)), kb(brotliSize(bareAstro))],
  ['Bare HTML page of the source text (no notes, no CSS)', kb(Buffer.byteLength(bare)), kb(gzipSize(bare)), kb(brotliSize(bare))],
];
const goal = gzipSize(bareAstro) + weight.css;
const goalBrotli = brotliSize(bareAstro) + cssBrotli;

const section = `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB
- Node ${process.version}, Astro ${version('astro')}, @astrojs/markdown-remark ${version('@astrojs/markdown-remark')}
- Date: ${new Date().toISOString().slice(0, 10)}

## Build

| what | median | runs |
| --- | --- | --- |
| \`astro build\` (1 document, ${readdirSync('dist', { recursive: true }).filter((name) => String(name).endsWith('.html')).length} pages) | ${median(times).toFixed(2)} s | ${times.map((time) => time.toFixed(2)).join(', ')} |

Load average of the machine at the start of each run: ${load.map((value) => value.toFixed(1)).join(', ')}.

## Reading page weight

\`${page}\`, counted as the budget test (tests/e2e/budget.test.ts) counts it: the HTML and every
file it loads before any interaction. gzip at level 6 (what static hosts typically send, and what
the budget holds) and brotli at quality 11 (what hosts that compress ahead of time send to
browsers that accept it).

| what | raw | gzip | brotli |
| --- | --- | --- | --- |
${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}

The reading page carries ${notes} margin notes (sent once: print sets the same notes under their
lines), the linked names with the list of people and places, the paragraph numbers, the Cite
panel and the metadata header: ${(weight.total / gzipSize(bare)).toFixed(2)} × the gzip weight of the bare text.
${weight.js === 0 ? 'It loads no script' : `Its scripts are deferred enhancement modules (${kb(weight.js)} gzip; reading works without them)`}, no font, and asks nothing of any other origin.

The goal is a reading page no heavier than a bare Astro page of the same text plus its CSS.
With gzip that is ${kb(gzipSize(bareAstro))} + ${kb(weight.css)} = ${kb(goal)}, and the reading page is ${kb(weight.total)}, ${kb(Math.abs(weight.total - goal))} (${Math.abs((weight.total / goal - 1) * 100).toFixed(0)} %) ${weight.total > goal ? 'over' : 'under'}.
With brotli the goal is ${kb(goalBrotli)} and the reading page ${kb(pageBrotli)}.`;

writeFileSync(reportPath, replaceSection(readFileSync(reportPath, 'utf8'), 'bench', section));
console.log(section);
