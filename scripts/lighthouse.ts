/**
 * Lighthouse on the reading page, as a phone sees it (Lighthouse's default: mobile, simulated
 * slow 4G and a 4× slower CPU), against the built site served on 127.0.0.1 the way a static
 * host serves it (gzip, the headers of _headers). Writes the four category scores, LCP, TBT and
 * CLS, and whatever keeps a score below 100, into docs/benchmarks.md.
 *
 *   npm run bench:lighthouse          (builds first; LIGHTHOUSE_RUNS=5 for more runs)
 *
 * Not part of npm test: the performance score comes from timings, which depend on how busy
 * the machine is. Several runs; the run with the median performance score is reported.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { promisify } from 'node:util';
import { replaceSection } from '../src/lib/report-sections.ts';
import { chromiumFlags, chromiumPath } from '../tests/helpers/browser.ts';
import { siteLayout } from '../tests/helpers/built-site.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const runs = Number(process.env['LIGHTHOUSE_RUNS'] ?? 3);
const pagePath = 'documents/antonov-mao-1959-10-14/';
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
const server = await serveStatic('dist', siteLayout().base, { headersFile: true, compress: true });
const url = new URL(pagePath, server.url).href;
const results: Result[] = [];
const load: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    load.push(loadavg()[0] ?? 0);
    // Asynchronous: this same process serves the pages Lighthouse asks for.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, url, '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${chromiumFlags.join(' ')}`],
      { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 256 * 1024 * 1024 },
    );
    const result = JSON.parse(stdout) as Result;
    results.push(result);
    console.log(`run ${run + 1}/${runs}: ${Object.values(result.categories).map((category) => `${category.title} ${score(category.score)}`).join(', ')}`);
  }
} finally {
  await server.close();
}

function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : String(Math.round(value * 100));
}

const byPerformance = [...results].sort((a, b) => (a.categories['performance']?.score ?? 0) - (b.categories['performance']?.score ?? 0));
const median = byPerformance[Math.floor(byPerformance.length / 2)];
if (median === undefined) throw new Error('Lighthouse gave no result.');

const metric = (id: string) => median.audits[id]?.displayValue ?? '–';
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Audits that cost points: scored, weighted, below full marks, in a category below 100. */
const shortfalls = categories.flatMap((id) => {
  const category = median.categories[id];
  if (category === undefined || category.score === 1) return [];
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: median.audits[ref.id] }))
    .filter(({ audit }) => audit !== undefined && audit.score !== null && audit.score < 1 && ['numeric', 'binary', 'metricSavings'].includes(audit.scoreDisplayMode))
    .map(({ ref, audit }) => `| ${category.title} | ${audit?.title} | ${score(audit?.score)} | ${ref.weight} | ${audit?.displayValue ?? ''} |`);
});

const section = `## Lighthouse

Written by \`npm run bench:lighthouse\` (scripts/lighthouse.ts) on ${new Date().toISOString().slice(0, 10)}: Lighthouse
${median.lighthouseVersion}, ${median.configSettings.formFactor}, ${median.configSettings.throttlingMethod}d throttling, on
\`/${pagePath}\` served from \`dist/\` on 127.0.0.1 with gzip and the headers of \`_headers\`, in Debian's Chromium
(${median.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}). ${runs} runs; the run with the median performance score is shown.
Load average of the machine (${cpus().length} cores) at the start of each run: ${load.map((value) => value.toFixed(1)).join(', ')}; Lighthouse's
CPU benchmark index: ${results.map((result) => Math.round(result.environment.benchmarkIndex)).join(', ')}.

| Performance | Accessibility | Best practices | SEO |
| --- | --- | --- | --- |
| ${categories.map((id) => score(median.categories[id]?.score)).join(' | ')} |

| metric | value |
| --- | --- |
| Largest Contentful Paint | ${metric('largest-contentful-paint')} |
| Total Blocking Time | ${metric('total-blocking-time')} |
| Cumulative Layout Shift | ${metric('cumulative-layout-shift')} |
| First Contentful Paint | ${metric('first-contentful-paint')} |
| Speed Index | ${metric('speed-index')} |

Performance scores of all runs: ${byPerformance.map((result) => score(result.categories['performance']?.score)).join(', ')}.

${shortfalls.length === 0 ? 'Nothing costs a point in the median run.' : `What costs points in the median run:\n\n| category | audit | score | weight | value |\n| --- | --- | --- | --- | --- |\n${shortfalls.join('\n')}`}`;

writeFileSync(reportPath, replaceSection(readFileSync(reportPath, 'utf8'), 'lighthouse', section));
console.log(section);
