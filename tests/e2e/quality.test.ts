/**
 * Accessibility and valid HTML, checked on the built pages: html-validate on every page, and
 * axe in Chromium at a wide and a narrow width, in light and dark mode.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';

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

  // Every built page in the common case (wide, light); every page template in all four cases
  // (wide and narrow, light and dark). The ~120 entity pages share one template: one page of
  // each kind of entity stands for them in the other three cases (a run of axe costs one to
  // three seconds here).
  const urlPaths = pages.map((page) => page.replace(/index\.html$/, ''));
  const entityPages = urlPaths.filter((path) => /^entities\/[^/]+\/$/.test(path));
  const oneEntityPerKind = ['entities/mao-zedong/', 'entities/kinmen/', 'entities/cc-cpsu/', 'entities/second-taiwan-strait-crisis-1958/', 'entities/cairo-declaration-1943/', 'entities/abbr-cpr/'];
  const templates = [...urlPaths.filter((path) => !entityPages.includes(path)), ...oneEntityPerKind];
  test('the sampled entity pages exist', () => {
    for (const path of oneEntityPerKind) expect(entityPages).toContain(path);
  });
  const cases = [
    ...urlPaths.map((path) => ({ path: path || '/', width: 1440, scheme: 'light' as const })),
    ...templates.flatMap((path) =>
      ([[1440, 'dark'], [390, 'light'], [390, 'dark']] as const).map(([width, scheme]) => ({ path: path || '/', width, scheme })),
    ),
  ];

  // One page per width and colour scheme, reused: a fresh browser context per check costs more than the check.
  const tabs = new Map<string, Page>();
  async function tab(width: number, scheme: 'light' | 'dark'): Promise<Page> {
    const key = `${width}-${scheme}`;
    let page = tabs.get(key);
    if (page === undefined) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      page = await context.newPage();
      tabs.set(key, page);
    }
    return page;
  }

  test.each(cases)('$path at $width px, $scheme: no violations', async ({ path, width, scheme }) => {
    const page = await tab(width, scheme);
    await page.goto(new URL(path === '/' ? '' : path, inject('siteUrl')).href);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')})`);
    });
    expect(violations).toEqual([]);
  });
});
