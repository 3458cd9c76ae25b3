/**
 * Search in Chromium against the built site and its Pagefind index, as a reader uses it: a
 * table of queries in every kind of spelling typed into the search box of a page, each showing
 * the right paragraph among the first five results in the order shown (and, for a name, the
 * name's card first); paragraphs that mention the name before those that only share a word of
 * it; excerpts that read as prose; the shareable search page and its filters; the words marked
 * on arrival; the whole flow by keyboard; and no search code on a page until the box is used.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sharedBrowser } from './fixture.ts';

let browser: Browser;
let page: Page;
const site = () => inject('siteUrl');
const documentPath = 'documents/antonov-mao-1959-10-14/';
const panelLinks = '#site-search-panel .search-results a';

beforeAll(async () => {
  browser = await sharedBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(site());
});
afterAll(async () => {
  await browser?.close();
});

const path = (href: string) => new URL(href).pathname + new URL(href).hash;

/** Types a query into the header's search box of the open page; resolves with the panel's status and its links in the order shown. */
async function typeQuery(query: string, on: Page = page): Promise<{ status: string; links: string[] }> {
  await on.locator('#site-search').fill('');
  await on.locator('#site-search').pressSequentially(query);
  // The status speaks once, when every answer is in, and names the query.
  await on.waitForFunction((wanted) => (document.querySelector('#site-search-panel [role="status"]')?.textContent ?? '').includes(`“${wanted}”`), query, {
    timeout: 20_000,
  });
  const status = (await on.locator('#site-search-panel [role="status"]').textContent()) ?? '';
  const links = await on.$$eval(panelLinks, (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  return { status, links: links.map(path) };
}

/** The paragraphs of the document that mention an entity, from the built page's own markup. */
function mentioning(entity: string): string[] {
  const html = readFileSync(`dist/${documentPath}index.html`, 'utf8');
  const paragraphs = html.split(/(?=<p id="(?:p|intro-)[\w-]+")/).slice(1);
  return paragraphs
    .filter((paragraph) =>
      new RegExp(`(?:data-entities="(?:[^"]* )?${entity}(?: [^"]*)?"|class="mention" href="[^"]*/entities/${entity}/")`).test(paragraph.split('</p>')[0] ?? ''),
    )
    .map((paragraph) => /<p id="([\w-]+)"/.exec(paragraph)?.[1] ?? '');
}

/** [query, what kind of spelling it is, the entity whose card must come first (if a name), a paragraph that must be among the first five results]. */
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

describe('a table of queries, typed into the search box of a page', () => {
  test.each(queries)('%s (%s)', async (query, _kind, entity, paragraph) => {
    const { status, links } = await typeQuery(query);
    expect(status).toMatch(/\d+ paragraphs?/);
    if (entity) expect(links[0], `the card of ${entity} comes first`).toBe(`/entities/${entity}/`);
    expect(links.slice(0, 5), `¶ ${paragraph} among the first five results shown`).toContain(`/${documentPath}#${paragraph}`);
  });
});

describe('a name’s results', () => {
  test('begin with one compact card: the name, its kind and dates, its role then, a link to its entry', async () => {
    await typeQuery('Mao Zedong');
    const cards = page.locator('#site-search-panel .search-card');
    expect(await cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.locator('a').textContent()).toBe('Mao Zedong');
    expect(await card.locator('a').getAttribute('href')).toMatch(/^\/entities\/mao-zedong\/\?highlight=/);
    expect(await card.locator('.search-card-facts').textContent()).toBe('Person · 1893–1976');
    expect(await card.locator('.search-card-role').textContent()).toMatch(/^Chairman of the Central Committee of the Communist Party of China[^.]*\.$/);
  });

  test.each([
    ['Chiang Ching-kuo', 'chiang-ching-kuo'],
    ['Jiang Jieshi', 'chiang-kai-shek'],
    ['Khrushchov', 'khrushchev-nikita'],
  ])('%s: the paragraphs that mention it come before those that only share a word of its name', async (query, entity) => {
    const reader = await browser.newPage();
    await reader.goto(`${site()}search/?q=${encodeURIComponent(query)}`);
    await reader.waitForFunction(() => /for “/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 20_000 });
    const shown = (await reader.$$eval('#search-results a', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href)))
      .map(path)
      .filter((link) => link.startsWith(`/${documentPath}#`))
      .map((link) => link.split('#')[1] ?? '');
    const mentions = mentioning(entity);
    expect(mentions.length).toBeGreaterThan(0);
    expect(new Set(shown.slice(0, mentions.length))).toEqual(new Set(mentions));
    await reader.close();
  });

  test('other entries come after the paragraphs, compactly: a name and its kind', async () => {
    await typeQuery('Quemoy');
    const order = await page.$$eval('#site-search-panel .search-results > *', (blocks) => blocks.map((block) => block.className));
    expect(order).toEqual(['search-cards', 'search-document', 'search-entries']);
    const entry = page.locator('#site-search-panel .search-entry-list li').first();
    expect(await entry.locator('p').count()).toBe(0);
    expect(await entry.locator('.search-card-facts').textContent()).toMatch(/^(Place|Person|Event|Organization|Document|Abbreviation)$/);
  });
});

describe('excerpts', () => {
  test('read as prose: the text’s own spelling marked, no search terms or alias lists, labels apart from values', async () => {
    await typeQuery('Jinmen');
    const excerpt = (await page.locator(`#site-search-panel a[href*="#p10"]`).first().locator('xpath=following-sibling::p').innerHTML()) ?? '';
    expect(excerpt).toContain('<mark>Quemoy</mark>');
    await typeQuery('Top Secret');
    const excerpts = await page.$$eval('#site-search-panel .search-result-list p', (paragraphs) => paragraphs.map((paragraph) => paragraph.textContent ?? ''));
    expect(excerpts.join(' ')).toContain('Classification: Top Secret');
    for (const query of ['Mao Zedong', 'Beijing']) {
      await typeQuery(query);
      const texts = await page.$$eval('#site-search-panel .search-results', (panels) => panels.map((panel) => panel.textContent ?? ''));
      expect(texts.join(' ')).not.toMatch(/zq[a-z0-9]+qz|⟦|⟧|Цзиньмэнь|\p{L}\d{1,2} \p{Lu}[a-z]+ \d{4}/u);
    }
  });
});

describe('the search box of every page', () => {
  test('answers in place without loading a page, and announces the count to screen readers', async () => {
    const before = page.url();
    const { status } = await typeQuery('Macau');
    expect(page.url()).toBe(before);
    expect(await page.locator('#site-search-panel [role="status"]').count()).toBe(1);
    expect(status).toMatch(/^\d+ paragraphs? and \d+ (entry|entries) for “Macau”\.$/);
    expect(await page.locator('#site-search-panel .search-panel-more a').getAttribute('href')).toBe('/search/?q=Macau');
  });

  test('a reading page loads no search code until the box is used', async () => {
    const requests: string[] = [];
    const reader = await browser.newPage();
    reader.on('request', (request) => requests.push(request.url()));
    await reader.goto(`${site()}${documentPath}`, { waitUntil: 'networkidle' });
    expect(requests.filter((url) => url.includes('/pagefind/') || url.includes('search'))).toEqual([]);
    await reader.locator('#site-search').focus();
    await expect.poll(() => requests.filter((url) => url.includes('/pagefind/')).length).toBeGreaterThan(0);
    await reader.close();
  });
});

describe('by keyboard alone', () => {
  test('"/" focuses the box, typing answers, Down reaches the results, Escape closes, Enter opens one', async () => {
    const reader = await browser.newPage();
    await reader.goto(`${site()}${documentPath}`);
    await reader.keyboard.press('/');
    expect(await reader.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await reader.keyboard.type('Quemoy');
    await reader.waitForFunction(() => /for “Quemoy”/.test(document.querySelector('#site-search-panel [role="status"]')?.textContent ?? ''), null, {
      timeout: 20_000,
    });
    await reader.keyboard.press('ArrowDown');
    expect(await reader.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.pathname)).toBe('/entities/kinmen/');
    await reader.keyboard.press('ArrowDown');
    expect(await reader.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.hash)).toBe('#p10');
    await reader.keyboard.press('ArrowUp');
    expect(await reader.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.pathname)).toBe('/entities/kinmen/');
    await reader.keyboard.press('Escape');
    expect(await reader.locator('#site-search-panel').isHidden()).toBe(true);
    expect(await reader.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await reader.keyboard.press('ArrowDown');
    expect(await reader.locator('#site-search-panel').isVisible()).toBe(true);
    await reader.keyboard.press('Enter');
    await reader.waitForURL(/\/entities\/kinmen\/\?highlight=/);
    await reader.close();
  });

  test('Enter in the box opens the search page with the query, where Tab reaches the results', async () => {
    const reader = await browser.newPage();
    await reader.goto(`${site()}${documentPath}`);
    await reader.keyboard.press('/');
    await reader.keyboard.type('Quemoy');
    await reader.keyboard.press('Enter');
    await reader.waitForURL(/\/search\/\?q=Quemoy/);
    await reader.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0, null, { timeout: 20_000 });
    await reader.focus('#search-query');
    for (let step = 0; step < 12; step++) {
      await reader.keyboard.press('Tab');
      if (await reader.evaluate(() => document.activeElement?.closest('#search-results') !== null)) break;
    }
    expect(await reader.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.pathname)).toBe('/entities/kinmen/');
    await reader.close();
  });
});

describe('the search page', () => {
  test('keeps the query in the URL, so a search can be shared and gone back to', async () => {
    const reader = await browser.newPage();
    await reader.goto(`${site()}search/?q=Macau`);
    await reader.waitForFunction(() => /for “Macau”/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 20_000 });
    expect(await reader.locator('#search-query').inputValue()).toBe('Macau');
    await reader.locator('#search-query').fill('Quemoy');
    await reader.keyboard.press('Enter');
    await reader.waitForFunction(() => /for “Quemoy”/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 20_000 });
    expect(new URL(reader.url()).searchParams.get('q')).toBe('Quemoy');
    await reader.close();
  });

  test('loads the filters’ data only when they are opened; they filter by person, place, organization, event and year', async () => {
    const requests: string[] = [];
    const reader = await browser.newPage();
    reader.on('request', (request) => requests.push(request.url()));
    await reader.goto(`${site()}search/?q=Taiwan`);
    await reader.waitForFunction(() => /for “Taiwan”/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 20_000 });
    // Before: at most the one small filter that tells documents from entries, none of the reader's.
    const filterFiles = () => requests.filter((url) => url.endsWith('.pf_filter')).length;
    const before = filterFiles();
    expect(before).toBeLessThanOrEqual(1);
    await reader.locator('#search-filters-box summary').click();
    await reader.waitForSelector('#search-filters legend');
    expect(filterFiles()).toBeGreaterThan(before + 3);
    const groups = await reader.$$eval('#search-filters legend', (legends) => legends.map((legend) => legend.textContent));
    expect(groups).toEqual(expect.arrayContaining(['Person', 'Place', 'Organization', 'Event', 'Year']));
    const shown = await reader.locator('#search-results a').count();
    await reader.locator('#search-filters input[name="person"][value="Mao Zedong"]').check();
    await reader.waitForFunction((count) => document.querySelectorAll('#search-results a').length !== count, shown, { timeout: 20_000 });
    const links = await reader.$$eval('#search-results a', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
    expect(links.every((link) => link === `/${documentPath}` || link === '/entities/mao-zedong/')).toBe(true);
    expect(new URL(reader.url()).searchParams.getAll('filter')).toContain('person:Mao Zedong');
    await reader.close();
  });
});

describe('arriving on a result', () => {
  test('lands on the paragraph with the text’s own spelling of the searched name marked, and the mark can be cleared', async () => {
    const reader = await browser.newPage();
    await reader.goto(site());
    await typeQuery('Jinmen', reader);
    await reader.locator('#site-search-panel a[href*="#p10"]').first().click();
    await reader.waitForURL(/#p10$/);
    await expect.poll(() => reader.locator('#p10 mark.search-hit').count()).toBeGreaterThan(0);
    const marked = await reader.$$eval('mark.search-hit', (marks) => marks.map((mark) => mark.textContent));
    expect(marked).toContain('Quemoy');
    // Never inside hidden alias text or the edition's labels.
    expect(await reader.locator('[data-pagefind-ignore] mark.search-hit, .visually-hidden mark.search-hit').count()).toBe(0);
    expect(await reader.$eval('#p10', (element) => element.matches(':target'))).toBe(true);
    await reader.getByRole('button', { name: 'Clear search highlight' }).click();
    expect(await reader.locator('mark.search-hit').count()).toBe(0);
    expect(new URL(reader.url()).searchParams.has('highlight')).toBe(false);
    await reader.close();
  });
});

describe('without JavaScript', () => {
  test('the search box leads to the search page, which leads to the index of names and places', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const reader = await context.newPage();
    await reader.goto(site());
    await reader.locator('#site-search').fill('Quemoy');
    await reader.keyboard.press('Enter');
    await reader.waitForURL(/\/search\/\?q=Quemoy/);
    expect(await reader.locator('noscript').innerHTML()).toContain('index of names and places');
    await context.close();
  });
});
