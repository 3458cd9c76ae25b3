/**
 * The site as a collection: a synthetic collection of 120 documents (made from the memorandum
 * by scripts/generate-collection.ts), built and served. The list of documents comes in pages,
 * in both orders; each document links to its neighbours by date; an entity mentioned in more
 * documents than a page holds continues on further pages; every link resolves; the templates
 * that only a collection produces are valid HTML and pass axe in Chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentFiles } from '../../src/content/content-files.ts';
import { splitIntoBundles } from '../../src/integrations/search-bundles.ts';
import { checkSite, formatProblem } from '../../tools/site-links.ts';
import { astroBuild } from '../../tools/astro-build.ts';
import { sharedBrowser } from './fixture.ts';
import { type BuiltSite, readBuiltSite, siteLayout } from '../../tools/built-site.ts';
import { type StaticServer, serveStatic } from '../../tools/static-server.ts';

const count = 120;
// Astro takes the content folder only relative to the project: the collection is written
// under bench/scratch/ (ignored by git), the built site to the system's temporary folder.
mkdirSync('bench/scratch', { recursive: true });
const work = mkdtempSync('bench/scratch/collection-test-');
const content = join(work, 'content');
const outDir = join(mkdtempSync(join(tmpdir(), 'edition-collection-')), 'dist');
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
/** The documents, oldest conversation first, ties by slug: the order the site promises. */
let documents: { slug: string; date: string; title: string }[];

beforeAll(async () => {
  const generated = spawnSync(process.execPath, ['scripts/generate-collection.ts', String(count), content], { encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(`The generator failed:\n${generated.stderr}`);
  // The index in bundles of 100 pages (three for this collection), as a large collection's comes.
  const result = astroBuild(outDir, { EDITION_CONTENT: content, SEARCH_PAGES_PER_BUNDLE: '100' }, { timeout: 540_000 });
  if (result.status !== 0) throw new Error(`The build of ${count} documents failed:\n${result.stdout}\n${result.stderr}`);
  documents = documentFiles(work)
    .map(({ markdown }) => parseFrontmatter(markdown).frontmatter as { slug: string; conversationDate: string; title: string })
    .map(({ slug, conversationDate, title }) => ({ slug, date: conversationDate, title }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug));
  site = readBuiltSite(outDir);
  server = await serveStatic(outDir, '/', { headersFile: true });
  browser = await sharedBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(dirname(outDir), { recursive: true, force: true });
});

const html = (file: string) => site.pages.get(file)?.html ?? '';
const documentLinks = (file: string) => [...html(file).matchAll(/<td><a href="\/documents\/([^/]+)\/">/g)].map((match) => match[1]);

describe(`a collection of ${count} documents`, () => {
  test('the generated documents were all built, each at /documents/<slug>/', () => {
    expect(documents).toHaveLength(count);
    for (const { slug } of documents) expect(site.files.has(`documents/${slug}/index.html`), slug).toBe(true);
  });

  test('the home page lists the first 100 by date, oldest first; the next page the rest', () => {
    expect(documentLinks('index.html')).toEqual(documents.slice(0, 100).map(({ slug }) => slug));
    expect(documentLinks('browse/oldest/2/index.html')).toEqual(documents.slice(100).map(({ slug }) => slug));
    expect(site.files.has('browse/oldest/3/index.html')).toBe(false);
  });

  test('newest first is the same list reversed, from /browse/newest/', () => {
    const newest = [...documents].reverse().map(({ slug }) => slug);
    expect(documentLinks('browse/newest/index.html')).toEqual(newest.slice(0, 100));
    expect(documentLinks('browse/newest/2/index.html')).toEqual(newest.slice(100));
  });

  test('each row gives the date, the title, the participants and the archive', () => {
    const row =
      /<tr><td><time datetime="(\d{4}-\d\d-\d\d)">[^<]+<\/time><\/td><td><a href="\/documents\/([^/]+)\/">([^<]+)<\/a>.*?<\/td><td>([^<]+)<\/td><td>Synthetic Archive, fond 5, opis \d+, delo \d+<\/td><\/tr>/;
    const first = documents[0];
    const match = row.exec(html('index.html'));
    expect(match?.slice(1, 4)).toEqual([first?.date, first?.slug, first?.title]);
    expect(match?.[4]).toMatch(/S\. F\. Antonov/);
  });

  test('every document links to the one before and after it by date; the ends to one', () => {
    documents.forEach(({ slug }, index) => {
      const page = html(`documents/${slug}/index.html`);
      const previous = /<a class="sequence-previous" href="\/documents\/([^/]+)\/" rel="prev">/.exec(page)?.[1];
      const next = /<a class="sequence-next" href="\/documents\/([^/]+)\/" rel="next">/.exec(page)?.[1];
      expect([previous, next], slug).toEqual([documents[index - 1]?.slug, documents[index + 1]?.slug]);
    });
  });

  test('an entity mentioned in more than 50 documents lists them on further pages, each document once', () => {
    const pages = [...site.files].filter((file) => /^entities\/mao-zedong\/(\d+\/)?index\.html$/.test(file)).sort();
    expect(pages.length).toBeGreaterThan(1);
    const listed = pages.flatMap((file) =>
      [...html(file).matchAll(/<section class="mentions-document"><h3><a href="\/documents\/([^/]+)\/">/g)].map((match) => match[1]),
    );
    expect(new Set(listed).size).toBe(listed.length);
    const mentioning = documents.filter(({ slug }) => html(`documents/${slug}/index.html`).includes('href="/entities/mao-zedong/"'));
    expect(listed.sort()).toEqual(mentioning.map(({ slug }) => slug).sort());
    // Only the first page is in the search index: the others carry no body for Pagefind.
    expect(html('entities/mao-zedong/index.html')).toContain('data-pagefind-body');
    expect(html('entities/mao-zedong/2/index.html')).not.toContain('data-pagefind-body');
  });

  test('the map and timeline send a name mentioned across documents to its page', () => {
    expect(html('map/index.html')).toMatch(/<a href="\/entities\/taiwan\/">\d+ paragraphs in \d+ documents<\/a>/);
    expect(html('timeline/index.html')).toMatch(/<a href="\/(browse\/oldest\/2\/)?#year-\d{4}">\d+ documents of \d{4}<\/a>/);
  });

  test('every link and #fragment of the whole site resolves', () => {
    const report = checkSite(site.files, new Map([...site.pages].map(([file, page]) => [file, page.parsed])), siteLayout('/'), new Set(['404.html']));
    expect(report.checked).toBeGreaterThan(10_000);
    expect(report.problems.slice(0, 20).map(formatProblem)).toEqual([]);
  });
});

// The templates a one-document site never produces, checked as the quality gates check the others.
const templates = ['', 'browse/oldest/2/', 'browse/newest/', 'entities/mao-zedong/2/', 'timeline/', 'map/'];

describe('search over an index in bundles', () => {
  /** The query typed into the header's search box of the home page, as a reader types it. */
  async function typed(query: string) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(server.url);
    await page.locator('#site-search').pressSequentially(query);
    await page.waitForFunction((wanted) => (document.querySelector('#site-search-panel [role="status"]')?.textContent ?? '').includes(`“${wanted}”`), query, {
      timeout: 20_000,
    });
    const links = await page.$$eval('#site-search-panel .search-results a', (anchors) =>
      anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
    );
    await context.close();
    return { links, requested };
  }

  test('a document of every bundle is found by its own words, once, and every bundle is asked', async () => {
    const listed = JSON.parse(readFileSync(join(outDir, 'pagefind', 'bundles.json'), 'utf8')) as string[];
    // The bundles as the search step splits the pages: one document from each that holds any.
    const pages = [...site.pages].filter(([, page]) => page.html.includes('data-pagefind-body')).map(([file]) => ({ sourcePath: file, digest: '' }));
    const bundles = splitIntoBundles(pages, 100);
    expect(listed).toHaveLength(bundles.length - 1);
    const picked = bundles.flatMap((bundle) =>
      bundle
        .map((page) => /^documents\/([^/]+)\/index\.html$/.exec(page.sourcePath)?.[1])
        .filter(Boolean)
        .slice(0, 1),
    ) as string[];
    expect(picked.length).toBeGreaterThanOrEqual(2);
    for (const slug of picked) {
      const { links, requested } = await typed(slug.replace('synthetic-', ''));
      const own = links.filter((link) => link.startsWith(`/documents/${slug}/`));
      expect(own.length, slug).toBeGreaterThan(0);
      // Its page once, whatever its paragraphs: no bundle holds it twice.
      expect(new Set(own.map((link) => link.replace(/#.*/, ''))).size, slug).toBe(1);
      for (const folder of ['', ...listed]) expect(requested, `${slug}: pagefind/${folder}`).toContain(`/pagefind/${folder}pagefind-entry.json`);
    }
  });
});

describe('the collection’s own templates', () => {
  const validator = new HtmlValidate();
  test.each(templates)('/%s is valid HTML', async (path) => {
    const report = await validator.validateFile(join(outDir, path, 'index.html'));
    expect(
      report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`)),
    ).toEqual([]);
  });

  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const cases = templates.flatMap((path) => [1440, 390].map((width) => ({ path, width })));
  // One load per width; the colour scheme switched as a reader's system switches it (only the
  // stylesheet reads it), and axe run in each.
  test.each(cases)('/$path at $width px, light and dark: no axe violations', async ({ path, width }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.evaluate(axeSource);
    const violations: string[] = [];
    const backgrounds = new Set<string>();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const run = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return {
          violations: results.violations.map(
            (violation) =>
              `${violation.id}: ${violation.nodes
                .map((node) => node.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
          ),
          background: getComputedStyle(document.body).backgroundColor,
        };
      });
      violations.push(...run.violations.map((violation) => `${scheme}: ${violation}`));
      backgrounds.add(run.background);
    }
    await context.close();
    expect(backgrounds.size, 'the dark page should not look like the light one').toBe(2);
    expect(violations).toEqual([]);
  });

  test('the document list is reachable and usable by keyboard: order and pages are links', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    // The page fits a phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.focus('.list-order a:not([aria-current])');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/browse\/newest\/$/);
    expect(await page.locator('.list-order a[aria-current="page"]').textContent()).toBe('Newest first');
    await page.focus('.pagination a[rel="next"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/browse\/newest\/2\/$/);
    expect(await page.locator('.pagination a[aria-current="page"]').first().textContent()).toBe('2');
    await context.close();
  });
});
