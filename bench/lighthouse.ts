/**
 * Lighthouse on the reading page, as a phone sees it (Lighthouse's default: mobile, simulated
 * slow 4G and a 4× slower CPU), against the built site served on 127.0.0.1 the way a static
 * host serves it (gzip, the headers of _headers). Writes the four category scores, LCP, TBT and
 * CLS, and whatever keeps a score below 100, into docs/benchmarks.md.
 *
 *   npm run bench:lighthouse          (builds first; LIGHTHOUSE_RUNS=5 for more runs)
 *
 * Not part of npm test: the performance score comes from timings, which depend on how busy
 * the machine is. So each run also measures a yardstick, a bare Astro page of the same text
 * (bench/bare-page.ts), right after the reading page, and the report gives both: the run
 * with the median performance score of each.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { replaceSection } from './lib/report-sections.ts';
import { chromiumFlags, chromiumPath } from '../tools/browser.ts';
import { siteLayout } from '../tools/built-site.ts';
import { serveStatic } from '../tools/static-server.ts';
import { bareAstroPage } from './bare-page.ts';

const runs = Number(process.env['LIGHTHOUSE_RUNS'] ?? 3);
const pagePath = 'documents/antonov-mao-1959-10-14/';
const markdownPath = 'content/documents/antonov-mao-1959-10-14.md';
const reportPath = 'docs/benchmarks.md';

interface Audit {
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  displayValue?: string;
}
interface Result {
  lighthouseVersion: string;
  environment: { hostUserAgent: string; benchmarkIndex: number };
  configSettings: { formFactor: string; throttlingMethod: string };
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
}

if (!existsSync(`dist/${pagePath}index.html`)) throw new Error('No built site in dist/: run "npm run build" first.');
if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath} (set CHROMIUM_PATH).`);

const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');
const bareDir = mkdtempSync(join(tmpdir(), 'edition-bare-page-'));
mkdirSync(join(bareDir, 'bare'));
writeFileSync(join(bareDir, 'bare', 'index.html'), await bareAstroPage(markdownPath));
const site = await serveStatic('dist', siteLayout().base, { headersFile: true, compress: true });
const yardstick = await serveStatic(bareDir, '/', { compress: true });
const pages = [
  { name: 'Reading page', url: new URL(pagePath, site.url).href, results: [] as Result[] },
  { name: 'Bare Astro page of the same Markdown', url: new URL('bare/', yardstick.url).href, results: [] as Result[] },
];
const load: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    load.push(loadavg()[0] ?? 0);
    for (const page of pages) {
      // Asynchronous: this same process serves the pages Lighthouse asks for.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [cli, page.url, '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${chromiumFlags.join(' ')}`],
        { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 256 * 1024 * 1024 },
      );
      const result = JSON.parse(stdout) as Result;
      page.results.push(result);
      console.log(
        `run ${run + 1}/${runs}, ${page.name}: ${Object.values(result.categories)
          .map((category) => `${category.title} ${score(category.score)}`)
          .join(', ')}`,
      );
    }
  }
} finally {
  await Promise.all([site.close(), yardstick.close()]);
  rmSync(bareDir, { recursive: true, force: true });
}

function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : String(Math.round(value * 100));
}

const performanceScore = (result: Result) => result.categories['performance']?.score ?? 0;
/** The run with the median performance score (the higher of the two middle ones for an even count). */
function medianRun(results: Result[]): Result {
  const sorted = [...results].sort((a, b) => performanceScore(a) - performanceScore(b));
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('Lighthouse gave no result.');
  return middle;
}

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const metrics = ['largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'first-contentful-paint', 'speed-index'];
const medians = pages.map((page) => ({ ...page, median: medianRun(page.results) }));
const [reading] = medians;
if (reading === undefined) throw new Error('No reading page measured.');

/** Audits that cost points: scored, weighted, below full marks, in a category below 100. */
const shortfalls = categories.flatMap((id) => {
  const category = reading.median.categories[id];
  if (category === undefined || category.score === 1) return [];
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: reading.median.audits[ref.id] }))
    .filter(
      ({ audit }) => audit !== undefined && audit.score !== null && audit.score < 1 && ['numeric', 'binary', 'metricSavings'].includes(audit.scoreDisplayMode),
    )
    .map(({ ref, audit }) => `| ${category.title} | ${audit?.title} | ${score(audit?.score)} | ${ref.weight} | ${audit?.displayValue ?? ''} |`);
});

const { median } = reading;
const section = `## Lighthouse

Written by \`npm run bench:lighthouse\` (bench/lighthouse.ts) on ${new Date().toISOString().slice(0, 10)}: Lighthouse
${median.lighthouseVersion}, ${median.configSettings.formFactor}, ${median.configSettings.throttlingMethod}d throttling, in Debian's Chromium
(${median.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}), on \`/${pagePath}\` served from \`dist/\` on 127.0.0.1 with gzip and the headers of
\`_headers\`; and, right after it in each run, on a bare Astro page of the same Markdown (bench/bare-page.ts), as a
yardstick for how fast the machine was. ${runs} runs each; the run with the median performance score is shown.
Load average of the machine (${cpus().length} cores) at the start of each run: ${load.map((value) => value.toFixed(1)).join(', ')}.

| page | Performance | Accessibility | Best practices | SEO | LCP | TBT | CLS | FCP | Speed Index |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${medians.map(({ name, median: run }) => `| ${name} | ${categories.map((id) => score(run.categories[id]?.score)).join(' | ')} | ${metrics.map((id) => run.audits[id]?.displayValue ?? '–').join(' | ')} |`).join('\n')}

Performance scores of all runs: ${medians.map(({ name, results }) => `${name.toLowerCase()} ${results.map((result) => score(performanceScore(result))).join(', ')}`).join('; ')}.
Lighthouse's CPU benchmark index in each run of the reading page: ${reading.results.map((result) => Math.round(result.environment.benchmarkIndex)).join(', ')}.

${shortfalls.length === 0 ? 'Nothing costs the reading page a point in its median run.' : `What costs the reading page points in its median run:\n\n| category | audit | score | weight | value |\n| --- | --- | --- | --- | --- |\n${shortfalls.join('\n')}`}`;

writeFileSync(reportPath, replaceSection(readFileSync(reportPath, 'utf8'), 'lighthouse', section));
console.log(section);
