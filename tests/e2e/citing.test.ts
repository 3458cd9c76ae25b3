/**
 * Citing, in the built site: paragraph actions in Chromium (copy link, text-fragment link, cite
 * by keyboard), the downloads parsed back with Citation.js, what Zotero would capture, the
 * correction log and the How to cite page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sharedBrowser } from './fixture.ts';
import { zoteroItem } from '../helpers/zotero-embedded-metadata.ts';

const slug = 'antonov-mao-1959-10-14';
const documentPath = `documents/${slug}/`;
const html = readFileSync(`dist/${documentPath}index.html`, 'utf8');
let browser: Browser;
const url = (hash = '') => `${inject('siteUrl')}${documentPath}${hash}`;

beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(hash = '', options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: 900 },
    reducedMotion: 'reduce',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('siteUrl')).origin });
  const page = await context.newPage();
  await page.goto(url(hash));
  return { page, context };
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Opens ¶ 12's Cite dialog by keyboard, as a reader without a mouse would. */
async function openDialog(page: Page): Promise<void> {
  await page.focus('#p12 .para-cite');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('dialog.para-dialog').isVisible(), { timeout: 5_000 }).toBe(true);
  await page.locator('dialog.para-dialog dd').first().waitFor();
}

/** The page scrolled so that the paragraph starts near the top, as an id link does. */
async function inView(page: Page, id: string): Promise<boolean> {
  const box = await page.locator(`#${id}`).boundingBox();
  return box !== null && box.y >= -2 && box.y < 300;
}

/** Some of the paragraph is on screen (Chromium centres a text-fragment match in the window). */
async function onScreen(page: Page, id: string): Promise<boolean> {
  const box = await page.locator(`#${id}`).boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y < height && box.y + box.height > 0;
}

describe('paragraph actions', () => {
  test('without JavaScript the number is a plain permanent link and there is no button', async () => {
    const { page, context } = await open('', { javaScriptEnabled: false });
    expect(await page.locator('#p12 .pnum').getAttribute('href')).toBe('#p12');
    expect(await page.locator('.para-cite').count()).toBe(0);
    await context.close();
  });

  test('with JavaScript every numbered paragraph has a Cite button that names its paragraph', async () => {
    const { page, context } = await open();
    const paragraphs = await page.locator('.para').count();
    expect(await page.locator('.para > .para-cite').count()).toBe(paragraphs);
    expect(await page.locator('#p12 .para-cite').getAttribute('aria-label')).toBe('Link to or cite ¶ 12');
    expect(await page.locator('#intro-3 .para-cite').getAttribute('aria-label')).toBe('Link to or cite Intro ¶ 3');
    await context.close();
  });

  test('by keyboard: open, copy the permanent link, close with Escape, focus back on the button', async () => {
    const { page, context } = await open();
    await openDialog(page);
    expect(await page.locator('#para-dialog-title').textContent()).toBe('Cite ¶ 12');
    await page.getByRole('button', { name: 'Copy link', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('dialog .copy-status').textContent(), { timeout: 5_000 }).toBe('Copied: link to ¶ 12.');
    // Built without SITE_URL: the link is the address the page was opened at.
    expect(await clipboard(page)).toBe(url('#p12'));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.para-dialog').isVisible(), { timeout: 5_000 }).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('.para')?.id)).toBe('p12');
    await context.close();
  });

  test('the copied link lands on the paragraph and marks it', async () => {
    const { page, context } = await open();
    await openDialog(page);
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    const copied = new URL(await clipboard(page));
    const { page: landed, context: second } = await open(copied.hash);
    expect(copied.origin).toBe(new URL(inject('siteUrl')).origin);
    expect(copied.pathname).toBe(`/${documentPath}`);
    expect(await inView(landed, 'p12')).toBe(true);
    expect(await landed.locator('#p12').evaluate((element) => element.matches(':target'))).toBe(true);
    await Promise.all([context.close(), second.close()]);
  });

  test('the text-fragment link finds and highlights the passage even when its id fails', async () => {
    const { page, context } = await open();
    await openDialog(page);
    await page.getByRole('button', { name: 'Copy link that also finds the words' }).click();
    const copied = new URL(await clipboard(page));
    expect(copied.hash).toMatch(/^#p12:~:text=Having%20further%20on%20his%20own,/);
    // An id that resolves to nothing: only the words can find the passage. One page at a time,
    // in front, and with time: on a busy machine Chromium may scroll a while after the load.
    const broken = copied.hash.replace('#p12', '#p12-gone');
    const { page: withWords, context: first } = await open(broken);
    await withWords.bringToFront();
    await expect.poll(() => onScreen(withWords, 'p12'), { timeout: 10_000 }).toBe(true);
    const highlighted = await withWords.locator('#p12').screenshot();
    await first.close();
    const { page: withoutWords, context: second } = await open('#p12-gone');
    expect(await onScreen(withoutWords, 'p12')).toBe(false);
    // The same paragraph, drawn with and without the fragment: only the highlight differs.
    const plain = await withoutWords.locator('#p12').screenshot();
    expect(highlighted.equals(plain)).toBe(false);
    await Promise.all([context.close(), second.close()]);
  });

  test('a citation of the paragraph in each style, copied with one click', async () => {
    const { page, context } = await open();
    await openDialog(page);
    const dialog = page.locator('dialog.para-dialog');
    const row = (name: string) => dialog.locator('.citations div', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) });
    expect(await row('Chicago, note').locator('dd').textContent()).toContain('para. 12, fond 5, opis 49, delo 235, listy 89–96');
    expect(await row('MLA, in-text').locator('dd span').textContent()).toBe('(Antonov, para. 12)');
    expect(await row('APA, in-text').locator('dd span').textContent()).toBe('(Antonov, 1959, para. 12)');
    await row('Chicago, short note').getByRole('button', { name: 'Copy Chicago, short note, ¶ 12' }).click();
    await expect.poll(() => clipboard(page), { timeout: 5_000 }).toBe('Antonov, “A Conversation with Mao, 1959,” para. 12.');
    await dialog.locator('summary', { hasText: 'BibTeX' }).click();
    expect(await dialog.locator('pre').first().textContent()).toContain('#p12}');
    await context.close();
  });

  test.each(['light', 'dark'] as const)('the open dialog has no accessibility violations (axe, %s)', async (scheme) => {
    // axe is injected as a script tag, which the page's own policy would (rightly) block.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(url());
    await openDialog(page);
    await page.locator('dialog summary', { hasText: 'RIS' }).click();
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
    await context.close();
    expect(violations).toEqual([]);
  });

  test('Copy buttons on the document’s Cite panel', async () => {
    const { page, context } = await open('#cite');
    await page.locator('#cite > summary').click();
    await page.getByRole('button', { name: 'Copy APA, reference' }).click();
    await expect.poll(() => clipboard(page), { timeout: 5_000 }).toMatch(/^Antonov, S\. F\. \(1959\)\. A Conversation with Mao, 1959/);
    await context.close();
  });

  test('built without SITE_URL, the Cite panel, its copies and its downloads give the address the page was opened at', async () => {
    const { page, context } = await open('#cite');
    await page.locator('#cite > summary').click();
    // Completed by the panel's code, fetched as the panel opens.
    await expect.poll(() => page.locator('#cite .citations').textContent(), { timeout: 5_000 }).toContain(url());
    expect(await page.locator('#cite .citations').textContent()).not.toMatch(/(?<![\w/:.-])\/documents\//);
    await page.getByRole('button', { name: 'Copy Chicago, bibliography' }).click();
    await expect.poll(() => clipboard(page), { timeout: 5_000 }).toContain(`${url()}.`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.cite-downloads a', { hasText: 'BibTeX' }).click()]);
    expect(download.suggestedFilename()).toBe(`${slug}.bib`);
    // The browser runs apart from the tests (tests/e2e/fixture.ts): the file comes as a stream.
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toContain(`url = {${url()}}`);
    await context.close();
  });

  test('the reading page loads small scripts, and only from this site', async () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.filter((tag) => tag.includes('application/ld+json'))).toHaveLength(1);
    // The page's enhancements (notes on names, paragraph actions) and the "/" search shortcut.
    const modules = scripts.filter((tag) => !tag.includes('application/ld+json'));
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.length).toBeLessThanOrEqual(2);
    for (const module of modules) {
      const src = /src="([^"]+)"/.exec(module)?.[1] ?? '';
      expect(src).toMatch(/^\/_astro\/.+\.js$/);
      expect(readFileSync(`dist${src}`).length).toBeLessThan(5 * 1024);
    }
  });
});

describe('downloads parse back with Citation.js', () => {
  const fetchText = async (file: string) => {
    const response = await fetch(`${inject('siteUrl')}${documentPath}${file}`);
    expect(response.status).toBe(200);
    return response.text();
  };
  const expected = {
    type: 'manuscript',
    title: 'A Conversation with Mao, 1959',
    author: [{ family: 'Antonov', given: 'S. F.' }],
    issued: { 'date-parts': [[1959, 10, 21]] },
    // The files are static: built without SITE_URL, they give the path, which the page's
    // download links complete (tested above).
    URL: `/${documentPath}`,
  };

  test.each([`${slug}.bib`, `${slug}.ris`, `${slug}.json`])('%s', async (file) => {
    const [item] = new Cite(await fetchText(file)).data;
    expect(item).toMatchObject(expected);
    expect(item?.['note'] ?? item?.['archive_location']).toContain('fond 5, opis 49, delo 235, listy 89–96');
  });

  test('the page links each download', () => {
    for (const extension of ['bib', 'ris', 'json']) expect(html).toContain(`href="/${documentPath}${slug}.${extension}" download`);
  });
});

describe('reference managers', () => {
  test('Zotero saves a manuscript with its author and translator, both dates, the series, the archive and the page’s real address', () => {
    const opened = url();
    expect(zoteroItem(html, opened)).toEqual({
      itemType: 'manuscript',
      title: 'A Conversation with Mao, 1959',
      creators: [
        { lastName: 'Antonov', firstName: 'S. F.', creatorType: 'author' },
        { lastName: 'Doctoroff', firstName: 'Mark H.', creatorType: 'translator' },
      ],
      date: '1959/10/21',
      manuscriptType: 'Summary of a conversation (journal entry)',
      archive: 'Storage Center for Contemporary Documentation (SCCD), Moscow',
      archiveLocation: 'fond 5, opis 49, delo 235, listy 89–96',
      institution: 'Woodrow Wilson International Center for Scholars',
      // Lines of Extra that Zotero's citation processor reads as CSL variables.
      extra: 'Original Date: 1959-10-14\nCollection Title: Cold War International History Project',
      url: opened,
      language: 'en',
      libraryCatalog: new URL(opened).host,
      abstractNote: expect.stringContaining('Summary of a conversation (journal entry) by S. F. Antonov'),
    });
  });

  test('canonical link, Dublin Core, Open Graph and schema.org JSON-LD, with no made-up address', () => {
    // Built without SITE_URL: no canonical link, Open Graph or JSON-LD address, all of which
    // must be absolute (the base-path test builds with SITE_URL and checks them).
    expect(html).not.toContain('rel="canonical"');
    expect(html).toContain('<meta name="DC.creator" content="Antonov, S. F.">');
    expect(html).toContain('<meta name="DC.contributor" content="Doctoroff, Mark H.">');
    expect(html).not.toContain('og:url');
    expect(html).not.toContain('DC.source');
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const parsed = JSON.parse(jsonLd) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ArchiveComponent',
      name: 'A Conversation with Mao, 1959',
      dateCreated: '1959-10-21',
      temporalCoverage: '1959-10-14',
      author: { name: 'S. F. Antonov' },
      translator: { name: 'Mark H. Doctoroff' },
      holdingArchive: { '@type': 'ArchiveOrganization', name: 'Storage Center for Contemporary Documentation (SCCD)' },
      itemLocation: 'fond 5, opis 49, delo 235, listy 89–96',
    });
    expect(parsed['url']).toBeUndefined();
  });

  test('no page or file of the site names a placeholder or local origin', () => {
    const placeholders = /\b(?:example\.(?:org|com|net)|localhost|127\.0\.0\.1)\b/;
    const found = (readdirSync('dist', { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile() && /\.(?:html|json|bib|ris|xml|txt)$/.test(entry.name) && !entry.parentPath.includes('pagefind'))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => placeholders.test(readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  test('the reported print source is not in the machine metadata', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toContain('Bulletin');
  });
});

describe('corrections and How to cite', () => {
  test('the document page lists its corrections, or says there are none', async () => {
    const { page, context } = await open();
    expect(await page.locator('#corrections-heading').textContent()).toBe('Corrections');
    expect(await page.locator('.corrections').textContent()).toContain('No correction since publication');
    await context.close();
  });

  test('How to cite explains the numbers and gives examples in every style', () => {
    const howTo = readFileSync('dist/how-to-cite/index.html', 'utf8');
    for (const style of [
      'Chicago, note',
      'Chicago, short note',
      'Chicago, bibliography',
      'MLA, works cited',
      'MLA, in-text',
      'APA, reference',
      'APA, in-text',
      'BibTeX',
      'RIS',
      'CSL-JSON',
    ]) {
      expect(howTo, style).toContain(style);
    }
    expect(howTo).toContain('never renumbered');
    expect(howTo).toContain('Bulletin');
  });

  test('How to cite explains the numbers with a real paragraph of the first document, the one its examples cite', () => {
    const howTo = readFileSync('dist/how-to-cite/index.html', 'utf8');
    const [, linked, id = ''] = /<code>…\/documents\/([^/<]+)\/#(p\d+[a-z]?)<\/code>/.exec(howTo) ?? [];
    expect(linked).toBe(slug);
    expect(html).toContain(`id="${id}" class="para"`);
    const number = id.slice(1);
    expect(howTo).toContain(`<strong>¶ ${number}</strong> in a document`);
    expect(howTo).toContain(`<code>#${id}:~:text=…</code>`);
    expect(howTo).toContain(`<h3>One paragraph: ¶ ${number}</h3>`);
    expect(howTo).toContain(`Antonov, “A Conversation with Mao, 1959,” para. ${number}.`);
    // The document's own Cite panel shows the same paragraph as its example.
    expect(html).toContain(`Chicago: Antonov, “A Conversation with Mao, 1959,” para. ${number}. APA: (Antonov, 1959, para. ${number}).`);
  });
});
