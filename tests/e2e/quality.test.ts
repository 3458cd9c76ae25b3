/**
 * Valid HTML, checked on the built pages: the W3C Nu Html Checker and html-validate on every
 * page. (axe runs on every page in Chromium in every-page.test.ts.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
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
  test('a rule turned off is named in docs/testing.md with its reason', () => {
    const config = JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as { rules?: Record<string, unknown> };
    const off = Object.entries(config.rules ?? {})
      .filter(([, setting]) => setting === 'off' || setting === 0 || (Array.isArray(setting) && (setting[0] === 'off' || setting[0] === 0)))
      .map(([rule]) => rule);
    const readme = readFileSync('docs/testing.md', 'utf8');
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
