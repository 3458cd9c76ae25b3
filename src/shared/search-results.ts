/**
 * The results of one search as the reader sees them, built up as Pagefind's answers arrive:
 * first a card for each entity the query names, then the paragraphs, grouped by document, and
 * then the other entries, compactly. Pure: the search code feeds it Pagefind's page data and
 * renders what `view` returns, as often as it changes.
 *
 * Paragraphs come in tiers, each ranked on its own:
 * 0. paragraphs that mention an entity the query names, in any spelling (from the build's list
 *    of mentions, src/lib/search-mentions.ts, or found by the entity's search term): in each
 *    document the paragraph that first mentions it (where the text and its note introduce it),
 *    then the others by how often they mention it, then in text order;
 * 1. paragraphs that match a query in which some words name an entity ("Jinmen shelling");
 * 2. paragraphs that only share the query's words (a name's part, "Chiang", or any words):
 *    those with more of the query's words first, then by Pagefind's score.
 * Documents come in the order of their best paragraph.
 */
import { cleanExcerpt } from './search-terms.ts';

/** What the search code uses of Pagefind's data for one page (its "fragment"). */
export interface PagefindLocation {
  balanced_score: number;
  location: number;
}
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  weighted_locations: PagefindLocation[];
  anchor?: { id: string; location: number };
}
export interface PagefindPage {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

export interface Card {
  url: string;
  title: string;
  type?: string | undefined;
  dates?: string | undefined;
  role?: string | undefined;
}
export interface Hit {
  url: string;
  /** `¶ 12`, or "Record details" for the document's header. */
  label: string;
  excerpt: string;
}
export interface DocumentGroup {
  url: string;
  title: string;
  hits: Hit[];
}
/** A paragraph that mentions a named entity, as search/mentions/<id>.json gives it. */
export interface MentionHit {
  url: string;
  label: string;
  /** How many times the paragraph mentions the entity. */
  count: number;
  /** Plain text: a few words of the sentence around the mention. */
  excerpt: string;
  /** The words of the text that mention it, to mark. */
  words: string;
}

export interface Entry {
  url: string;
  title: string;
  type?: string | undefined;
}
export interface ResultsView {
  cards: Card[];
  documents: DocumentGroup[];
  entries: Entry[];
  /** Paragraphs in all (a view may show fewer). */
  paragraphCount: number;
  /** Cards and entries in all. */
  entryCount: number;
}

type Key = number[];
const compare = (a: Key, b: Key) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
};

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A word of Pagefind's content as it was indexed: lower case, without punctuation. */
const plainWord = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** Near enough to Pagefind's stemming to tell which query word a location matched. */
const stem = (word: string) => (word.length > 5 ? word.replace(/(?:ing|ed|es|s)$/, '') : word);

/**
 * How well a part of a page matches a query: how many of the query's words it holds (a
 * paragraph with "Taiwan question" before one with "Taiwan" five times), then Pagefind's scores.
 */
export function matchScore(sub: PagefindSubResult, words: readonly string[], queryTerms: readonly string[]): { coverage: number; score: number } {
  const found = new Set(sub.locations.map((location) => plainWord(words[location] ?? '')));
  const terms = queryTerms.map((term) => stem(plainWord(term))).filter(Boolean);
  const coverage = terms.filter((term) => [...found].some((word) => word.startsWith(term))).length;
  const score = sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
  return { coverage, score };
}

interface Ranked {
  hit: Hit;
  key: Key;
  position: number;
}
interface Group {
  url: string;
  title: string;
  key: Key;
  hits: Map<string, Ranked>;
}

export class ResultSet {
  private readonly cards = new Map<string, { card: Card; key: Key }>();
  private readonly groups = new Map<string, Group>();
  private readonly entries = new Map<string, { entry: Entry; key: Key }>();

  /** `terms`: the words to mark in excerpts (the query's, and the text's spellings of named entities). */
  constructor(private readonly terms: readonly string[]) {}

  /** The card of the `entity`-th named entity (in the order of namedEntities), from part `part`. */
  addCard(card: Card, entity: number, part = 0): void {
    this.entries.delete(card.url);
    this.cards.set(card.url, { card, key: [entity, part] });
  }

  /**
   * A document's paragraphs that mention the `entity`-th named entity (tier 0), already best
   * first (src/lib/search-mentions.ts); `rank`: the document's place among those that mention it.
   */
  addMentionParagraphs(document: { url: string; title: string }, entity: number, rank: number, paragraphs: readonly MentionHit[]): void {
    paragraphs.forEach((paragraph, index) => {
      const excerpt = cleanExcerpt(escapeHtml(paragraph.excerpt), [paragraph.words, ...this.terms].map(escapeHtml));
      this.addHitOf(
        document,
        { url: paragraph.url, label: paragraph.label, excerpt },
        [0, entity, rank],
        [0, entity, index === 0 ? 0 : 1, -paragraph.count],
        index,
      );
    });
  }

  /** A document's paragraphs that mention the `entity`-th named entity (tier 0); `rank`: the page's place in that search. */
  addMentions(page: PagefindPage, entity: number, rank: number): void {
    const subs = page.sub_results.filter((sub) => sub.locations.length > 0).sort((a, b) => (a.anchor?.location ?? -1) - (b.anchor?.location ?? -1));
    subs.forEach((sub, index) => {
      this.addHit(page, sub, [0, entity, rank], [0, entity, index === 0 ? 0 : 1, -sub.locations.length]);
    });
  }

  /** A document's paragraphs that match the query's words (tier 1 with entity terms in the query, else 2). */
  addMatches(page: PagefindPage, tier: 1 | 2, rank: number, queryTerms: readonly string[]): void {
    const words = page.content.split(/[^\S\uFEFF]+/);
    for (const sub of page.sub_results) {
      if (sub.locations.length === 0) continue;
      const { coverage, score } = matchScore(sub, words, queryTerms);
      this.addHit(page, sub, [tier, 0, rank], [tier, 0, -coverage, -score]);
    }
  }

  /** Another entry the query matches, at `rank` in the order found. */
  addEntry(page: PagefindPage, rank: number, title = page.meta['title'] ?? page.url): void {
    if (this.cards.has(page.url) || this.entries.has(page.url)) return;
    this.entries.set(page.url, { entry: { url: page.url, title, type: page.meta['type'] }, key: [rank] });
  }

  private addHit(page: PagefindPage, sub: PagefindSubResult, groupKey: Key, hitKey: Key): void {
    const hit = { url: sub.url, label: sub.anchor ? sub.title : 'Record details', excerpt: cleanExcerpt(sub.excerpt, this.terms) };
    this.addHitOf({ url: page.url, title: page.meta['title'] ?? page.url }, hit, groupKey, hitKey, sub.anchor?.location ?? -1);
  }

  private addHitOf(document: { url: string; title: string }, hit: Hit, groupKey: Key, hitKey: Key, position: number): void {
    let group = this.groups.get(document.url);
    if (!group) {
      group = { url: document.url, title: document.title, key: groupKey, hits: new Map() };
      this.groups.set(document.url, group);
    } else if (compare(groupKey, group.key) < 0) group.key = groupKey;
    const known = group.hits.get(hit.url);
    if (known && compare(known.key, hitKey) <= 0) return;
    group.hits.set(hit.url, { hit, key: [...hitKey, position], position });
  }

  /** What to show: at most `paragraphs` paragraphs and `entries` entries (all, by default). */
  view(limits: { paragraphs?: number | undefined; entries?: number | undefined } = {}): ResultsView {
    const byKey = <T extends { key: Key }>(a: T, b: T) => compare(a.key, b.key);
    const groups = [...this.groups.values()].sort(byKey);
    let room = limits.paragraphs ?? Number.POSITIVE_INFINITY;
    const documents: DocumentGroup[] = [];
    for (const group of groups) {
      if (room <= 0) break;
      const hits = [...group.hits.values()].sort(byKey).slice(0, room);
      room -= hits.length;
      documents.push({ url: group.url, title: group.title, hits: hits.map((ranked) => ranked.hit) });
    }
    const entries = [...this.entries.values()].sort(byKey).map((item) => item.entry);
    return {
      cards: [...this.cards.values()].sort(byKey).map((item) => item.card),
      documents,
      entries: entries.slice(0, limits.entries ?? entries.length),
      paragraphCount: groups.reduce((sum, group) => sum + group.hits.size, 0),
      entryCount: this.cards.size + this.entries.size,
    };
  }
}

/** What the status line says (and screen readers hear) when a search is done. */
export function resultsStatus(outcome: {
  query: string;
  suggestion?: string | undefined;
  paragraphs: number;
  entries: number;
  unreachable: readonly string[];
}): string {
  const { query, suggestion, paragraphs, entries, unreachable } = outcome;
  const counted = `${paragraphs} ${paragraphs === 1 ? 'paragraph' : 'paragraphs'} and ${entries} ${entries === 1 ? 'entry' : 'entries'}`;
  const missing =
    unreachable.length === 0
      ? ''
      : ` ${unreachable.length === 1 ? 'Part' : 'Parts'} ${unreachable.join(', ')} not searched: ${unreachable.length === 1 ? 'its index' : 'their indexes'} did not load.`;
  const found =
    paragraphs + entries === 0
      ? `No results for “${query}”. Try another spelling, or browse the names and places.`
      : suggestion
        ? `Nothing in the text for “${query}”; ${counted} for “${suggestion}”.`
        : `${counted} for “${query}”.`;
  return found + missing;
}
