/**
 * Every built page, opened in Chromium: it loads without a policy violation, a console error,
 * a failed request or a request to another origin, scrolled to its end as a reader would; and
 * axe finds no violation. One walk does both.
 *
 * The first page of each template (the home page, a document, its names, an entry of each kind,
 * the lists, the map…) is checked in all four cases: 1440 and 390 px wide, light and dark. The
 * other pages of a template share its markup and styles and differ in their words and links:
 * each is checked once, in turn at 1440 px in light mode and at 390 px in dark, so that every
 * template's pages meet both widths and both schemes. Checking each of 118 entries four times
 * would more than double the walk for no case these runs miss.
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
/** The widths and schemes a page is checked in. */
const casesFor = (path: string): { width: number; schemes: Scheme[] }[] => {
  if (firstOfTemplate.has(path)) return widths.map((width) => ({ width, schemes: ['light', 'dark'] }));
  const rank = urlPaths.filter((other) => templateOf(other) === templateOf(path)).indexOf(path);
  return rank % 2 === 1 ? [{ width: 1440, schemes: ['light'] }] : [{ width: 390, schemes: ['dark'] }];
};

/** One page at a time in each tab; pages at different widths are checked side by side. */
const tabQueue = new Map<number, Promise<unknown>>();
function inTab<T>(width: number, run: () => Promise<T>): Promise<T> {
  const result = (tabQueue.get(width) ?? Promise.resolve()).then(run);
  tabQueue.set(
    width,
    result.catch(() => undefined),
  );
  return result;
}

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
async function checkAtWidth(path: string, width: number, schemes: Scheme[]): Promise<{ requests: string[]; problems: string[] }> {
  const tab = tabs.get(width);
  if (!tab) throw new Error(`No tab at ${width} px`);
  const { page } = tab;
  tab.requests.length = 0;
  tab.problems.length = 0;
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
  // Until nothing is in flight (a plain loop: expect.poll wants to know its test, which
  // concurrent tests do not tell it).
  for (const start = Date.now(); tab.inFlight.size > 0; await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() - start > 5_000) throw new Error(`${path} at ${width} px: requests still in flight after 5 s`);
  }
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

describe.concurrent('every page; each template at 1440 and 390 px, light and dark', () => {
  test.each(urlPaths.map((path) => (path === '' ? '/' : path)))(
    '%s: loads clean, nothing from another origin, no axe violation',
    async (path) => {
      const page = path === '/' ? '' : path;
      const results = await Promise.all(casesFor(page).map(({ width, schemes }) => inTab(width, () => checkAtWidth(page, width, schemes))));
      const origin = new URL(siteAddress('')).origin;
      for (const { requests } of results) {
        expect(requests, 'the watcher sees the page itself').toContain(siteAddress(path === '/' ? '' : path));
        expect(requests.filter((request) => new URL(request).origin !== origin)).toEqual([]);
      }
      expect(results.flatMap((result) => result.problems)).toEqual([]);
    },
    60_000,
  );
});

test('every page was checked; the first of each template in all four cases, the others at both widths and in both schemes by turns', () => {
  expect(urlPaths.length).toBeGreaterThan(100);
  expect([...firstOfTemplate]).toEqual(expect.arrayContaining(['', '404.html', 'documents/antonov-mao-1959-10-14/', 'map/', 'timeline/']));
  expect(firstOfTemplate.size).toBeLessThan(20);
  const expected = urlPaths.flatMap((path) => casesFor(path).flatMap(({ width, schemes }) => schemes.map((scheme) => `${path} ${width} ${scheme}`)));
  expect(new Set(checked)).toEqual(new Set(expected));
  expect(checked.length).toBe(urlPaths.length - firstOfTemplate.size + firstOfTemplate.size * 4);
  // Each template with more than two pages meets both widths.
  for (const template of new Set(urlPaths.map(templateOf))) {
    const pages = urlPaths.filter((path) => templateOf(path) === template);
    if (pages.length > 2) expect(new Set(pages.flatMap((path) => casesFor(path).map(({ width }) => width))).size, template).toBe(2);
  }
});
