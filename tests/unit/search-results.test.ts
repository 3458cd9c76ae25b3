import { describe, expect, test } from 'vitest';
import { matchScore, type PagefindPage, type PagefindSubResult, ResultSet, resultsStatus } from '../../src/shared/search-results.ts';

/** A document's Pagefind data: paragraphs of words, and the locations a search matched. */
function documentPage(url: string, paragraphs: Record<string, string>, matches: (word: string) => boolean): PagefindPage {
  const words: string[] = [];
  const subs: PagefindSubResult[] = [];
  for (const [id, text] of Object.entries(paragraphs)) {
    const start = words.length;
    const own = text.split(' ');
    words.push(...own);
    const locations = own.map((word, index) => (matches(word) ? start + index : -1)).filter((location) => location >= 0);
    if (locations.length === 0) continue;
    subs.push({
      title: `¶ ${id.slice(1)}`,
      url: `${url}#${id}`,
      excerpt: own.map((word, index) => (locations.includes(start + index) ? `<mark>${word}</mark>` : word)).join(' '),
      locations,
      weighted_locations: locations.map((location) => ({ location, balanced_score: 10 })),
      anchor: { id, location: start },
    });
  }
  // Pagefind lists the parts of a page in no promised order.
  return { url, excerpt: '', content: words.join(' '), meta: { title: 'A Conversation' }, sub_results: subs.reverse() };
}

const entityPage = (url: string, title: string): PagefindPage => ({ url, excerpt: '', content: title, meta: { title, type: 'Person' }, sub_results: [] });
const card = (url: string, title: string) => ({ url, title, type: 'Person', dates: '1910–1988', role: 'Son of Chiang Kai-shek.' });

const links = (set: ResultSet) => {
  const view = set.view();
  return [
    ...view.cards.map((card) => card.url),
    ...view.documents.flatMap((group) => group.hits.map((hit) => hit.url)),
    ...view.entries.map((entry) => entry.url),
  ];
};

describe('the results of a search, in the order shown', () => {
  const text = {
    p8: 'Chiang said zqchiangkaishekqz nothing',
    p10: 'the islands Chiang zqchiangkaishekqz held Chiang zqchiangkaishekqz',
    p27: 'his son Chiang Ching-kuo zqchiangchingkuoqz went',
  };

  test('a named entity: its card, then the paragraphs that mention it, then those sharing part of its name, then other entries', () => {
    const set = new ResultSet(['Chiang Ching-kuo']);
    set.addEntry(entityPage('/entities/taipei-riot/', 'Taipei riot'), 0);
    set.addMatches(
      documentPage('/d/', text, (word) => /^chiang|^ching/i.test(word)),
      2,
      0,
      ['Chiang', 'Ching-kuo'],
    );
    set.addMentions(
      documentPage('/d/', text, (word) => word === 'zqchiangchingkuoqz'),
      0,
      0,
    );
    set.addCard(card('/entities/chiang-ching-kuo/', 'Chiang Ching-kuo'), 0);
    expect(links(set)).toEqual(['/entities/chiang-ching-kuo/', '/d/#p27', '/d/#p10', '/d/#p8', '/entities/taipei-riot/']);
  });

  test('mentions: the first in each document, then the most mentions, then text order', () => {
    const set = new ResultSet([]);
    set.addMentions(
      documentPage('/d/', { p1: 'a X', p2: 'X b', p3: 'X X X', p4: 'X X X', p5: 'X X' }, (word) => word === 'X'),
      0,
      0,
    );
    expect(links(set)).toEqual(['/d/#p1', '/d/#p3', '/d/#p4', '/d/#p5', '/d/#p2']);
  });

  test('an entity named second ranks its paragraphs after the first one’s, whatever their counts', () => {
    const set = new ResultSet([]);
    set.addMentions(
      documentPage('/d/', { p5: 'CPR', p10: 'CPR CPR CPR' }, (word) => word === 'CPR'),
      0,
      0,
    );
    set.addMentions(
      documentPage('/d/', { p1: 'China China', p5: 'China', p8: 'China China China' }, (word) => word === 'China'),
      1,
      0,
    );
    expect(links(set)).toEqual(['/d/#p5', '/d/#p10', '/d/#p1', '/d/#p8']);
  });

  test('words alone: paragraphs with more of the query’s words first', () => {
    const set = new ResultSet([]);
    const page = documentPage('/d/', { p4: 'Taiwan Taiwan Taiwan issue', p8: 'the Taiwan question', p9: 'a question' }, (word) =>
      /^(taiwan|question)$/i.test(word),
    );
    set.addMatches(page, 2, 0, ['Taiwan', 'question']);
    expect(links(set)).toEqual(['/d/#p8', '/d/#p4', '/d/#p9']);
  });

  test('documents in the order of their best paragraph; a view can be cut short', () => {
    const set = new ResultSet([]);
    set.addMatches(
      documentPage('/b/', { p1: 'x y' }, (word) => word === 'x'),
      2,
      1,
      ['x'],
    );
    set.addMentions(
      documentPage('/a/', { p2: 'zqxqz', p3: 'zqxqz' }, (word) => word === 'zqxqz'),
      0,
      0,
    );
    const view = set.view({ paragraphs: 2 });
    expect(view.documents.map((group) => group.url)).toEqual(['/a/']);
    expect(view.paragraphCount).toBe(3);
  });

  test('the card carries what it shows; an entry already shown as a card is not listed again', () => {
    const set = new ResultSet([]);
    set.addEntry(entityPage('/entities/x/', 'X'), 0);
    set.addCard(card('/entities/x/', 'X'), 0);
    set.addEntry(entityPage('/entities/x/', 'X'), 1);
    const view = set.view();
    expect(view.cards).toEqual([{ url: '/entities/x/', title: 'X', type: 'Person', dates: '1910–1988', role: 'Son of Chiang Kai-shek.' }]);
    expect(view.entries).toEqual([]);
    expect(view.entryCount).toBe(1);
  });

  test('the build’s list of mentions: in its order, before words alone, its excerpts marked and escaped', () => {
    const set = new ResultSet(['Quemoy']);
    set.addMatches(
      documentPage('/d/', { p2: 'Quemoy Quemoy Quemoy' }, (word) => word === 'Quemoy'),
      2,
      0,
      ['Quemoy'],
    );
    set.addMentionParagraphs({ url: '/d/', title: 'A Conversation' }, 0, 0, [
      { url: '/d/#p10', label: '¶ 10', count: 1, excerpt: 'the islands of Quemoy & Matsu', words: 'Quemoy' },
      { url: '/d/#p17', label: '¶ 17', count: 2, excerpt: 'defending <Quemoy>', words: 'Quemoy' },
    ]);
    expect(links(set)).toEqual(['/d/#p10', '/d/#p17', '/d/#p2']);
    expect(set.view().documents[0]?.hits.map((hit) => hit.excerpt)).toEqual([
      'the islands of <mark>Quemoy</mark> &amp; Matsu',
      'defending &lt;<mark>Quemoy</mark>&gt;',
      '<mark>Quemoy</mark> <mark>Quemoy</mark> <mark>Quemoy</mark>',
    ]);
  });

  test('excerpts lose the entity terms and mark the text’s spelling', () => {
    const set = new ResultSet(['Quemoy']);
    set.addMentions(
      documentPage('/d/', { p10: 'shelled Quemoy zqkinmenqz and Matsu' }, (word) => word === 'zqkinmenqz'),
      0,
      0,
    );
    expect(set.view().documents[0]?.hits[0]?.excerpt).toBe('shelled <mark>Quemoy</mark> and Matsu');
  });
});

describe('how well a paragraph matches', () => {
  test('counts the query words it holds, stems aside', () => {
    const sub = {
      title: '',
      url: '',
      excerpt: '',
      locations: [0, 2],
      weighted_locations: [
        { location: 0, balanced_score: 2 },
        { location: 2, balanced_score: 3 },
      ],
    };
    expect(matchScore(sub, ['Shelled', 'the', 'islands.'], ['shelling', 'island', 'Matsu'])).toEqual({ coverage: 2, score: 5 });
  });
});

describe('the status line', () => {
  test('counts paragraphs and entries, names the suggestion and any part not searched', () => {
    expect(resultsStatus({ query: 'Quemoy', paragraphs: 4, entries: 1, unreachable: [] })).toBe('4 paragraphs and 1 entry for “Quemoy”.');
    expect(resultsStatus({ query: 'Kruschev', suggestion: 'Khrushchev', paragraphs: 1, entries: 2, unreachable: [] })).toBe(
      'Nothing in the text for “Kruschev”; 1 paragraph and 2 entries for “Khrushchev”.',
    );
    expect(resultsStatus({ query: 'zzz', paragraphs: 0, entries: 0, unreachable: ['1970-1991'] })).toBe(
      'No results for “zzz”. Try another spelling, or browse the names and places. Part 1970-1991 not searched: its index did not load.',
    );
  });
});
