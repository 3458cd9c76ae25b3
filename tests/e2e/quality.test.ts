/**
 * Accessibility and valid HTML, checked on the built pages: html-validate on every page, and
 * axe in Chromium at a wide and a narrow width, in light and dark mode.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
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

  const urlPaths = pages.map((page) => page.replace(/index\.html$/, ''));
  const cases = urlPaths.flatMap((path) =>
    [1440, 390].flatMap((width) => (['light', 'dark'] as const).map((scheme) => ({ path: path || '/', width, scheme }))),
  );

  test.each(cases)('$path at $width px, $scheme: no violations', async ({ path, width, scheme }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(new URL(path === '/' ? '' : path, inject('siteUrl')).href);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')})`);
    });
    await context.close();
    expect(violations).toEqual([]);
  });
});
