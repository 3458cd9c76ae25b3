/**
 * Search in Chromium against the built site and its Pagefind index: a table of queries in
 * every kind of spelling, each landing on the right paragraph (and, for a name, on its own
 * entry first); the words marked on arrival; the whole flow by keyboard.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';

let browser: Browser;
let page: Page;
const site = () => inject('siteUrl');
const documentPath = 'documents/antonov-mao-1959-10-14/';

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

async function search(query: string): Promise<{ status: string; links: string[] }> {
  await page.goto(`${site()}search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(
    () => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return status !== '' && !status.startsWith('Searching');
    },
    null,
    { timeout: 20_000 },
  );
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const links = await page.$$eval('#search-results a', (anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname + new URL((anchor as HTMLAnchorElement).href).hash));
  return { status, links };
}

/** [query, what kind of spelling it is, the entity whose entry must come first (if a name), a paragraph that must be among the first paragraph results]. */
const queries: [string, string, string | undefined, string][] = [
  ['Mao Zedong', 'pinyin', 'mao-zedong', 'p4'],
  ['毛泽东', 'Chinese, simplified', 'mao-zedong', 'p4'],
  ['Mao Tse-tung', 'Wade–Giles', 'mao-zedong', 'p4'],
  ['Jinmen', 'pinyin', 'kinmen', 'p10'],
  ['Kinmen', 'postal / common English', 'kinmen', 'p10'],
  ['金門', 'Chinese, traditional', 'kinmen', 'p10'],
  ['Quemoy', 'the text’s own spelling', 'kinmen', 'p10'],
  ['Beijing', 'pinyin', 'beijing', 'intro-2'],
  ['Peking', 'the text’s own spelling', 'beijing', 'p18'],
  ['北京', 'Chinese', 'beijing', 'p18'],
  ['Jiang Jieshi', 'pinyin', 'chiang-kai-shek', 'p10'],
  ['蔣介石', 'Chinese, traditional', 'chiang-kai-shek', 'p26'],
  ['Chiang Ching-kuo', 'Wade–Giles for a Russian transliteration', 'chiang-ching-kuo', 'p27'],
  ['Xinjiang', 'pinyin for Sinkiang', 'xinjiang', 'p15'],
  ['Xizang', 'pinyin for Tibet', 'tibet', 'p14'],
  ['Хрущёв', 'Cyrillic', 'khrushchev-nikita', 'p4'],
  ['Khrushchov', 'another transliteration', 'khrushchev-nikita', 'p4'],
  ['Kruschev', 'a misspelling', 'khrushchev-nikita', 'p4'],
  ['Macau', 'today’s spelling of Macao', 'macau', 'p16'],
  ['Mazu', 'pinyin for Matsu', 'matsu-islands', 'p10'],
  ['Yan Mingfu', 'pinyin for the text’s Yan Min-Fu', 'yan-mingfu', 'p30'],
  ['Vereshchagin', 'standard transliteration', 'vereshchagin-b-n', 'p30'],
  ['Formosa', 'an older name', 'taiwan', 'p8'],
  ['PRC', 'an abbreviation for the text’s CPR', 'abbr-cpr', 'p5'],
  ['NPC', 'an abbreviation for the text’s ACCP', undefined, 'p6'],
  ['Taiwan question', 'a phrase', undefined, 'p8'],
  ['shell', 'a prefix of "shelled"', undefined, 'p10'],
  ['Longju', 'a word found only in a gloss', undefined, 'p13'],
  ['Cairo Declaration', 'a document', 'cairo-declaration-1943', 'p8'],
  ['开罗宣言', 'a document, in Chinese', 'cairo-declaration-1943', 'p8'],
];

describe('a table of queries', () => {
  test.each(queries)('%s (%s)', async (query, _kind, entity, paragraph) => {
    const { status, links } = await search(query);
    expect(status).toMatch(/\d+ paragraphs?/);
    if (entity) expect(links[0], `the entry of ${entity} comes first`).toBe(`/entities/${entity}/`);
    const paragraphs = links.filter((link) => link.startsWith(`/${documentPath}#`)).slice(0, 8);
    expect(paragraphs, `¶ ${paragraph} among the first paragraph results`).toContain(`/${documentPath}#${paragraph}`);
  });
});

describe('results', () => {
  test('show their ¶ number, an excerpt in the text’s own words, and a count for screen readers', async () => {
    await search('Jinmen');
    const first = page.locator('#search-results a[href*="#p10"]').first();
    expect(await first.textContent()).toBe('¶ 10');
    const excerpt = (await first.locator('xpath=following-sibling::p').innerHTML()) ?? '';
    expect(excerpt).toContain('<mark>Quemoy</mark>');
    expect(excerpt).not.toContain('⟦');
    expect(excerpt).not.toContain('Цзиньмэнь');
    expect(await page.locator('#search-status').getAttribute('role')).toBe('status');
  });

  test('the query lives in the URL, so a search can be shared and gone back to', async () => {
    await search('Macau');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Macau');
    expect(await page.locator('#search-query').inputValue()).toBe('Macau');
  });

  test('can be filtered by person, place, organization and event', async () => {
    await search('Taiwan');
    const groups = await page.$$eval('#search-filters legend', (legends) => legends.map((legend) => legend.textContent));
    expect(groups).toEqual(expect.arrayContaining(['Person', 'Place', 'Organization', 'Event', 'Year']));
    const before = (await page.locator('#search-results a').count());
    await page.locator('#search-filters input[name="person"][value="Mao Zedong"]').check();
    await page.waitForFunction((count) => document.querySelectorAll('#search-results a').length !== count, before, { timeout: 20_000 });
    const links = await page.$$eval('#search-results a', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
    expect(links.every((link) => link === `/${documentPath}` || link === '/entities/mao-zedong/')).toBe(true);
    expect(new URL(page.url()).searchParams.getAll('filter')).toContain('person:Mao Zedong');
  });
});

describe('arriving on a result', () => {
  test('lands on the paragraph with the text’s own spelling of the searched name marked, and the mark can be cleared', async () => {
    await search('Jinmen');
    await page.locator('#search-results a[href*="#p10"]').first().click();
    await page.waitForURL(/#p10$/);
    await expect.poll(() => page.locator('#p10 mark.search-hit').count()).toBeGreaterThan(0);
    const marked = await page.$$eval('mark.search-hit', (marks) => marks.map((mark) => mark.textContent));
    expect(marked).toContain('Quemoy');
    // Never inside hidden alias text or the edition's labels.
    expect(await page.locator('[data-pagefind-ignore] mark.search-hit, .visually-hidden mark.search-hit').count()).toBe(0);
    expect(await page.$eval('#p10', (element) => element.matches(':target'))).toBe(true);
    await page.getByRole('button', { name: 'Clear search highlight' }).click();
    expect(await page.locator('mark.search-hit').count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('highlight')).toBe(false);
  });

  test('a reading page loads no search code until search is used', async () => {
    const requests: string[] = [];
    const reader = await browser.newPage();
    reader.on('request', (request) => requests.push(request.url()));
    await reader.goto(`${site()}${documentPath}`, { waitUntil: 'networkidle' });
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    await reader.close();
  });
});

describe('by keyboard alone', () => {
  test('"/" focuses the search box, Enter searches, Tab reaches the results, Enter opens one', async () => {
    const reader = await browser.newPage();
    await reader.goto(`${site()}${documentPath}`);
    await reader.keyboard.press('/');
    expect(await reader.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await reader.keyboard.type('Quemoy');
    await reader.keyboard.press('Enter');
    await reader.waitForURL(/\/search\/\?q=Quemoy/);
    await reader.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0, null, { timeout: 20_000 });
    await reader.focus('#search-query');
    for (let step = 0; step < 12; step++) {
      await reader.keyboard.press('Tab');
      const inResults = await reader.evaluate(() => document.activeElement?.closest('#search-results') !== null);
      if (inResults) break;
    }
    const target = await reader.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? '');
    expect(target).toContain('/entities/kinmen/');
    await reader.keyboard.press('Enter');
    await reader.waitForURL(/\/entities\/kinmen\//);
    await reader.close();
  });
});

describe('without JavaScript', () => {
  test('the search page leads to the index of names and places', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const reader = await context.newPage();
    await reader.goto(`${site()}search/?q=Quemoy`);
    const link = reader.locator('noscript a, .notice a').first();
    expect(await reader.content()).toContain('index of names and places');
    await context.close();
    expect(link).toBeDefined();
  });
});
