/**
 * Measures search on the built site and writes the "search" section of docs/benchmarks.md:
 * the index on disk, and, in Chromium against the served build, the bytes a first query
 * fetches and the time to its first results (medians of several cold runs).
 *
 *   npm run bench            (runs this after scripts/bench.ts, on the site it built)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from '../src/lib/median.ts';
import { replaceSection } from '../src/lib/report-sections.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const query = 'Jinmen';
const reportPath = 'docs/benchmarks.md';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const indexFiles = readdirSync('dist/pagefind', { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
const indexBytes = indexFiles.reduce((sum, entry) => sum + readFileSync(join(entry.parentPath, entry.name)).length, 0);

const measured: { bytes: number; ms: number }[] = [];
const server = await serveStatic('dist');
const browser = await launchBrowser();
for (let run = 0; run < runs; run++) {
  // A fresh context each time: a cold cache, as for a first visit.
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on('response', async (response) => {
    if (response.url().includes('/pagefind/')) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
  });
  const start = performance.now();
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0, null, { timeout: 30_000 });
  measured.push({ bytes, ms: performance.now() - start });
  await context.close();
}
await browser.close();
await server.close();

const pagefindVersion = (JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string }).version;
const section = `## Search (Pagefind ${pagefindVersion})

Written by \`scripts/bench-search.ts\`, ${new Date().toISOString().slice(0, 10)}; ${runs} cold runs in Chromium against the served build.

| what | value |
| --- | --- |
| index on disk (dist/pagefind, all files) | ${kb(indexBytes)} in ${indexFiles.length} files |
| bytes fetched from /pagefind/ by a first query (“${query}”) | ${kb(median(measured.map((run) => run.bytes)))} |
| time from opening /search/?q=${query} to the first results shown | ${median(measured.map((run) => run.ms)).toFixed(0)} ms median (runs: ${measured.map((run) => run.ms.toFixed(0)).join(', ')}) |
`;
writeFileSync(reportPath, replaceSection(readFileSync(reportPath, 'utf8'), 'search', section));
console.log(section);
