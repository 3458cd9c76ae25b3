/**
 * Accessibility and valid HTML, checked on the built pages: the W3C Nu Html Checker and
 * html-validate on every page, and axe in Chromium on every page at a wide and a narrow width (1440 and 390 px), each in light
 * and dark mode: four runs of axe per page.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../../tools/browser.ts';
import { checkPages, describeMessage } from '../helpers/nu-checker.ts';

const pages = (readdirSync('dist', { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
  .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
  .map((entry) => relative('dist', join(entry.parentPath, entry.name)))
  .sort();

describe('valid HTML (html-validate, the project’s .htmlvalidate.json)', () => {
  const validator = new HtmlValidate();
  test('there are pages to check', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
  });
  test('a rule turned off is named in the README with its reason', () => {
    const config = JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as { rules?: Record<string, unknown> };
    const off = Object.entries(config.rules ?? {})
      .filter(([, setting]) => setting === 'off' || setting === 0 || (Array.isArray(setting) && (setting[0] === 'off' || setting[0] === 0)))
      .map(([rule]) => rule);
    const readme = readFileSync('README.md', 'utf8');
    expect(off.filter((rule) => !readme.includes(`\`${rule}\``))).toEqual([]);
  });
  test.each(pages)('%s', async (page) => {
    const report = await validator.validateFile(join('dist', page));
    const problems = report.results.flatMap((result) =>
      result.messages.map((message) => `${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
    );
    expect(problems).toEqual([]);
  });
});

describe('valid HTML (the W3C Nu Html Checker, as validator.w3.org runs it)', () => {
  // Errors and warnings alike: a page passes when the checker has nothing to say about it.
  test('every page, served as a host serves it, draws no error and no warning', { timeout: 180_000 }, async () => {
    const root = inject('siteUrl');
    const urls = pages.map((page) => new URL(page.replace(/index\.html$/, ''), root).href);
    const messages = await checkPages(urls);
    expect(messages.filter((message) => message.type === 'non-document-error').map((message) => describeMessage(message, root))).toEqual([]);
    expect(messages.map((message) => describeMessage(message, root))).toEqual([]);
  });

  test('it is a real check: it rejects a page with a script written after </html>', { timeout: 60_000 }, async () => {
    const late = '<!doctype html><html lang="en"><head><title>t</title></head><body><p>t</p></body></html><script type="module" src="/a.js"></script>\n';
    const dir = mkdtempSync(join(tmpdir(), 'nu-'));
    const file = join(dir, 'late-script.html');
    writeFileSync(file, late);
    const messages = await checkPages([file]);
    rmSync(dir, { recursive: true });
    expect(messages.filter((message) => message.type === 'error').length).toBeGreaterThan(0);
  });
});

describe('accessibility (axe-core in Chromium)', () => {
  // Evaluated through the browser's debugging protocol: a <script> tag (addScriptTag) would be
  // inline code, which the pages' Content-Security-Policy rightly blocks.
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Every built page in all four cases: 1440 and 390 px wide, light and dark. One tab per
  // width, reused (a fresh browser context per check costs more than the check), and the two
  // widths checked side by side. Each tab loads a page once and runs axe in light mode, then in
  // dark: the colour scheme is switched by emulating the media feature, as a reader's system
  // switches it, which only the stylesheet reads (no script asks for it, nothing transitions).
  // axe reports every node of its violations and one node of each other kind of result
  // (resultTypes): all its rules still run on the whole page, it only skips building selectors
  // for the passing nodes, most of its time on these long pages.
  const urlPaths = pages.map((page) => page.replace(/index\.html$/, ''));
  const widths = [1440, 390] as const;
  const schemes = ['light', 'dark'] as const;
  const checked: string[] = [];

  const tabs = new Map<number, Page>();
  async function tab(width: number): Promise<Page> {
    let page = tabs.get(width);
    if (page === undefined) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      page = await context.newPage();
      tabs.set(width, page);
    }
    return page;
  }

  interface AxeRun {
    violations: string[];
    rulesRun: number;
    background: string;
  }

  async function checkAtWidth(path: string, width: number): Promise<string[]> {
    const page = await tab(width);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(new URL(path, inject('siteUrl')).href);
    await page.evaluate(axeSource);
    const problems: string[] = [];
    const backgrounds: string[] = [];
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      const run: AxeRun = await page.evaluate(async () => {
        type Result = { id: string; help: string; nodes: { target: string[] }[] };
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Record<'violations' | 'passes' | 'incomplete' | 'inapplicable', Result[]>> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return {
          violations: result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')})`),
          rulesRun: result.violations.length + result.passes.length + result.incomplete.length + result.inapplicable.length,
          background: getComputedStyle(document.body).backgroundColor,
        };
      });
      // axe ran its rules, and in the colour scheme asked for.
      expect(run.rulesRun, `${path} at ${width} px, ${scheme}`).toBeGreaterThan(50);
      backgrounds.push(run.background);
      problems.push(...run.violations.map((violation) => `${width} px, ${scheme}: ${violation}`));
      checked.push(`${path} ${width} ${scheme}`);
    }
    expect(new Set(backgrounds).size, `${path} at ${width} px: the dark page should not look like the light one`).toBe(2);
    return problems;
  }

  test.each(urlPaths.map((path) => (path === '' ? '/' : path)))(
    '%s at 1440 and 390 px, light and dark: no violations',
    async (path) => {
      const problems = await Promise.all(widths.map((width) => checkAtWidth(path === '/' ? '' : path, width)));
      expect(problems.flat()).toEqual([]);
    },
    120_000,
  );

  test('every page was checked in all four cases', () => {
    expect(urlPaths.length).toBeGreaterThan(100);
    expect(new Set(checked).size).toBe(urlPaths.length * widths.length * schemes.length);
  });
});
