/**
 * Every built page, opened in Chromium at a wide and a narrow width (1440 and 390 px): it loads
 * without a policy violation, a console error, a failed request or a request to another origin,
 * scrolled to its end as a reader would; and axe finds no violation. One walk does both, so
 * that each page is loaded once per width.
 *
 * axe runs on every page at each width and in each colour scheme: light at 1440 px and dark at
 * 390 px; and on the first page of each template (the home page, a document, an entry, the
 * lists…) in all four cases. Pages of one template share their markup and styles, and a
 * scheme changes only colours, which axe checks the same at either width; four runs on each of
 * 118 entries would double the walk for no case the two runs miss.
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { entitiesDir } from '../../src/content/content-files.ts';
import { readEntities } from '../../src/content/entities.ts';
import { sharedBrowser, siteAddress } from './fixture.ts';

const urlPaths = (readdirSync('dist', { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
  .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
  .map((entry) => relative('dist', join(entry.parentPath, entry.name)).replace(/index\.html$/, ''))
  .sort();

// Evaluated through the browser's debugging protocol: a <script> tag (addScriptTag) would be
// inline code, which the pages' Content-Security-Policy rightly blocks.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const widths = [1440, 390] as const;
type Scheme = 'light' | 'dark';

/** A page's template: an entry's is its kind's (a place has a map, a person dates…); documents and their names pages, list pages share one each. */
const entityTypes = new Map(readEntities(entitiesDir).map((entity) => [entity.id, entity.type]));
const templateOf = (path: string) =>
  path
    .replace(/^entities\/([^/]+)\//, (_whole, id: string) => `entities/${entityTypes.get(id) ?? id}/`)
    .replace(/^(documents|browse)\/[^/]+\//, '$1/*/')
    .replace(/\d+\/$/, '*/');
const firstOfTemplate = new Set(urlPaths.filter((path, index) => urlPaths.findIndex((other) => templateOf(other) === templateOf(path)) === index));
const schemesFor = (path: string, width: number): Scheme[] => (firstOfTemplate.has(path) ? ['light', 'dark'] : width === 1440 ? ['light'] : ['dark']);

/** One tab per width, reused from page to page (a fresh context per page costs more than its checks). */
interface Tab {
  page: Page;
  /** What the current page asked for, and what went wrong; emptied before each page. */
  requests: string[];
  problems: string[];
  inFlight: Set<unknown>;
}

let browser: Browser;
const tabs = new Map<number, Tab>();
beforeAll(async () => {
  browser = await sharedBrowser();
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const tab: Tab = { page, requests: [], problems: [], inFlight: new Set() };
    // Runs before the page's own code, through the debugging protocol: the policy does not apply.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
      });
    });
    page.on('request', (request) => {
      tab.requests.push(request.url());
      tab.inFlight.add(request);
    });
    page.on('requestfinished', (request) => tab.inFlight.delete(request));
    page.on('requestfailed', (request) => {
      tab.inFlight.delete(request);
      tab.problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') tab.problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => tab.problems.push(`page error: ${error.message}`));
    tabs.set(width, tab);
  }
});
afterAll(async () => {
  await browser?.close();
});

interface AxeRun {
  violations: string[];
  rulesRun: number;
  background: string;
}

const checked: string[] = [];

/** Loads the page, scrolls to its end, waits until nothing is in flight, and runs axe in its schemes. */
async function checkAtWidth(path: string, width: number): Promise<{ requests: string[]; problems: string[] }> {
  const tab = tabs.get(width);
  if (!tab) throw new Error(`No tab at ${width} px`);
  const { page } = tab;
  tab.requests.length = 0;
  tab.problems.length = 0;
  const schemes = schemesFor(path, width);
  await page.emulateMedia({ colorScheme: schemes[0] ?? 'light' });
  await page.goto(siteAddress(path));
  // Lazy content would load now, and fail now.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.scrollTo(0, document.body.scrollHeight);
        requestAnimationFrame(() => requestAnimationFrame(resolve));
      }),
  );
  await expect.poll(() => tab.inFlight.size, { timeout: 5_000, interval: 20 }).toBe(0);
  await page.evaluate(axeSource);
  const backgrounds: string[] = [];
  const problems = [...tab.problems];
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    // axe reports every node of its violations and skips building selectors for passing nodes
    // (resultTypes), most of its time on these long pages; all its rules still run.
    const run: AxeRun = await page.evaluate(async () => {
      type Result = { id: string; help: string; nodes: { target: string[] }[] };
      const axe = (
        window as unknown as {
          axe: { run: (context: Document, options: object) => Promise<Record<'violations' | 'passes' | 'incomplete' | 'inapplicable', Result[]>> };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return {
        violations: result.violations.map(
          (violation) =>
            `${violation.id}: ${violation.help} (${violation.nodes
              .map((node) => node.target.join(' '))
              .slice(0, 5)
              .join(', ')})`,
        ),
        rulesRun: result.violations.length + result.passes.length + result.incomplete.length + result.inapplicable.length,
        background: getComputedStyle(document.body).backgroundColor,
      };
    });
    // axe ran its rules, and in the colour scheme asked for.
    expect(run.rulesRun, `${path} at ${width} px, ${scheme}`).toBeGreaterThan(50);
    backgrounds.push(run.background);
    problems.push(...run.violations.map((violation) => `${scheme}: ${violation}`));
    checked.push(`${path} ${width} ${scheme}`);
  }
  expect(new Set(backgrounds).size, `${path} at ${width} px: the dark page should not look like the light one`).toBe(schemes.length);
  return { requests: [...tab.requests], problems: problems.map((problem) => `${width} px, ${problem}`) };
}

describe('every page at 1440 and 390 px, light and dark', () => {
  test.each(urlPaths.map((path) => (path === '' ? '/' : path)))(
    '%s: loads clean, nothing from another origin, no axe violation',
    async (path) => {
      const results = await Promise.all(widths.map((width) => checkAtWidth(path === '/' ? '' : path, width)));
      const origin = new URL(siteAddress('')).origin;
      for (const { requests } of results) {
        expect(requests, 'the watcher sees the page itself').toContain(siteAddress(path === '/' ? '' : path));
        expect(requests.filter((request) => new URL(request).origin !== origin)).toEqual([]);
      }
      expect(results.flatMap((result) => result.problems)).toEqual([]);
    },
    60_000,
  );

  test('every page was checked at both widths, in both schemes; the first of each template in all four cases', () => {
    expect(urlPaths.length).toBeGreaterThan(100);
    expect([...firstOfTemplate]).toEqual(expect.arrayContaining(['', '404.html', 'documents/antonov-mao-1959-10-14/', 'map/', 'timeline/']));
    expect(firstOfTemplate.size).toBeLessThan(20);
    const expected = urlPaths.flatMap((path) => widths.flatMap((width) => schemesFor(path, width).map((scheme) => `${path} ${width} ${scheme}`)));
    expect(new Set(checked)).toEqual(new Set(expected));
    expect(checked.length).toBe(urlPaths.length * 2 + firstOfTemplate.size * 2);
  });
});
