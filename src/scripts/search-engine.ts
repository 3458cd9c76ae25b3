/**
 * Search in the browser, shared by the search box of every page and the search page: loads
 * Pagefind on first use, and the registry's names that a query's words may be, runs a query the way the results need it
 * (see src/lib/search-results.ts) and reports the results each time more of them arrive.
 *
 * A query that names an entity in any spelling is searched as that entity's own term, which
 * finds its entry and exactly the paragraphs that mention it; those come first. The query's
 * words are searched too, after them, for the paragraphs and entries that only share words.
 */
import { partFilter, partOf, type SearchPart, type SearchParts } from '../lib/search-parts.ts';
import { type PagefindPage, ResultSet, type ResultsView } from '../lib/search-results.ts';
import { closestName, type EntityNames, entityToken, highlightTerms, namedEntities, type PackedNames, queryWithEntities, shardKeys, unpackNames } from '../lib/search-terms.ts';

interface PagefindResult {
  id: string;
  data: () => Promise<PagefindPage>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (bundle: string, options: Record<string, unknown>) => Promise<void>;
  search: (query: string, options?: { filters?: Record<string, string[]> }) => Promise<{ results: PagefindResult[] } | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

export interface SearchUpdate {
  view: ResultsView;
  /** The words to mark on the page a result leads to. */
  terms: string[];
  /** The query searched: the reader's, or the nearest name when theirs found nothing. */
  searched: string;
  /** Set when the reader's query found nothing and the nearest name was searched instead. */
  suggestion?: string | undefined;
  /** Parts of the archive whose index did not load. */
  unreachable: SearchPart[];
  /** Whether every answer is in. */
  done: boolean;
}

export interface SearchOptions {
  filters?: Record<string, string[]>;
  /** How many paragraphs and entries to show; and so how many pages' data to load. */
  paragraphs?: number;
  entries?: number;
  onUpdate: (update: SearchUpdate) => void;
}

export interface SearchEngine {
  /** Starts loading what a search needs, before the reader has finished typing. */
  warm: () => void;
  /** Runs a search; an earlier one still running stops reporting. */
  run: (query: string, options: SearchOptions) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

export function createSearchEngine(base: string): SearchEngine {
  let parts: SearchParts | null = null;
  let allParts: SearchPart[] = [];
  let unreachable: SearchPart[] = [];
  let generation = 0;

  const json = <T>(path: string, fallback: T): Promise<T> =>
    fetch(`${base}${path}`)
      .then((response) => (response.ok ? (response.json() as Promise<T>) : fallback))
      .catch(() => fallback);
  // The registry's names, by shard (src/pages/search/names/[key].json.ts): those of a query's words.
  const shards = new Map<string, Promise<PackedNames[]>>();
  const namesFor = async (query: string): Promise<EntityNames[]> => {
    const keys = shardKeys(query);
    for (const key of keys) if (!shards.has(key)) shards.set(key, json<PackedNames[]>(`search/names/${key}.json`, []));
    const loaded = (await Promise.all(keys.map((key) => shards.get(key) ?? []))).flat();
    return unpackNames([...new Map(loaded.map((entity) => [entity[0], entity])).values()]);
  };

  // One promise for every caller: an index merged twice would give every result of its part twice.
  let engine: Promise<Pagefind> | undefined;
  const load = () => {
    engine ??= (async () => {
      const [pagefind, loadedParts] = await Promise.all([
        import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>,
        json<SearchParts | null>('search/parts.json', null),
      ]);
      parts = loadedParts;
      allParts = parts ? [parts.own, ...parts.others] : [];
      // In the page, not in a worker: one script less to fetch before the first result, and
      // the index of one archive is searched in milliseconds.
      await pagefind.options({ baseUrl: base, noWorker: true, excerptLength: 24, ...(parts ? { mergeFilter: { [partFilter]: parts.own.label } } : {}) });
      await pagefind.init();
      if (parts) {
        const { others } = parts;
        // A part not deployed (or being replaced) must not take the others down: Pagefind keeps
        // an index that failed to load and fails every later search with it, so look first.
        const answers = await Promise.all(
          others.map((part) => fetch(`${part.bundle}pagefind-entry.json`, { cache: 'no-store' }).then((response) => response.ok, () => false)),
        );
        unreachable = others.filter((_, index) => !answers[index]);
        for (const part of others.filter((_, index) => answers[index])) {
          await pagefind.mergeIndex(part.bundle, { baseUrl: part.base, mergeFilter: { [partFilter]: part.label } });
        }
      }
      return pagefind;
    })();
    return engine;
  };
  // Pagefind hands out one shared object per page and rewrites it for each search that asks
  // for the page: take each page's data in turn and copy it before the next search asks.
  const chains = new Map<string, Promise<unknown>>();
  const dataOf = (result: PagefindResult): Promise<PagefindPage> => {
    const next = (chains.get(result.id) ?? Promise.resolve()).then(async () => {
      const page = await result.data();
      return { ...page, meta: { ...page.meta }, sub_results: page.sub_results.map((sub) => ({ ...sub })) };
    });
    chains.set(
      result.id,
      next.catch(() => undefined),
    );
    return next;
  };

  const partIndex = (url: string) => {
    const part = partOf(url, allParts);
    return part ? Math.max(0, allParts.indexOf(part)) : 0;
  };
  const titled = (page: PagefindPage) => {
    const title = page.meta['title'] ?? page.url;
    // Every part has its own page for a name, listing that part's paragraphs: say whose it is.
    const part = parts ? partOf(page.url, allParts) : undefined;
    return part ? `${title} (${part.label})` : title;
  };

  async function attempt(query: string, options: SearchOptions, current: () => boolean, report: (set: ResultSet, terms: string[], done: boolean) => void) {
    const [pagefind, registry] = await Promise.all([load(), namesFor(query)]);
    const filters = options.filters ?? {};
    const documentsWanted = Math.max(3, Math.ceil((options.paragraphs ?? 60) / 3));
    const entriesWanted = options.entries ?? 20;
    const named = namedEntities(query, registry);
    const terms = highlightTerms(query, registry);
    const set = new ResultSet(terms);
    let found = 0;
    let shown = () => {};
    const firstShown = new Promise<void>((resolve) => {
      shown = resolve;
    });
    const update = () => {
      if (!current()) return;
      report(set, terms, false);
      shown();
    };

    // The entities the query names: their entries and the paragraphs that mention them.
    const entitySearches = named.map(async (id, entity) => {
      const results = (await pagefind.search(entityToken(id), { filters }))?.results ?? [];
      found += results.length;
      await Promise.all(
        results.slice(0, documentsWanted + allParts.length + 1).map(async (result, rank) => {
          const page = await dataOf(result);
          if (!current()) return;
          if (page.meta['kind'] === 'entity') set.addCard(page, entity, partIndex(page.url), titled(page));
          else set.addMentions(page, entity, rank);
          update();
        }),
      );
    });
    // The query's words, after them, so that the first results are not kept waiting. Documents
    // and entries are searched apart (Pagefind's one small `kind` filter), so that a word's many
    // entries never crowd the paragraphs out of the results.
    const wordSearch = async (words: string, tier: 1 | 2) => {
      const [documents, entries] = await Promise.all([
        pagefind.search(words, { filters: { ...filters, kind: ['Documents'] } }),
        tier === 2 ? pagefind.search(words, { filters: { ...filters, kind: ['Names and places'] } }) : null,
      ]);
      const pages = [...(documents?.results ?? []).slice(0, documentsWanted), ...(entries?.results ?? []).slice(0, entriesWanted)];
      found += (documents?.results.length ?? 0) + (entries?.results.length ?? 0);
      await Promise.all(
        pages.map(async (result, rank) => {
          const page = await dataOf(result);
          if (!current()) return;
          if (page.meta['kind'] === 'entity') set.addEntry(page, rank, titled(page));
          else set.addMatches(page, tier, rank, words.split(/\s+/));
          update();
        }),
      );
    };
    const withEntities = queryWithEntities(query, registry);
    const first = [...entitySearches, ...(withEntities ? [wordSearch(withEntities, 1)] : [])];
    // The words wait until the name's first results are shown (or found to be none).
    if (first.length > 0) await Promise.race([firstShown, Promise.all(first)]);
    await Promise.all([...first, wordSearch(query, 2)]);
    return { set, terms, found, registry };
  }

  return {
    warm: () => {
      void load();
    },
    filters: async () => (await load()).filters(),
    run: async (query, options) => {
      const mine = ++generation;
      const current = () => mine === generation;
      const send = (searched: string, suggestion: string | undefined) => (set: ResultSet, terms: string[], done: boolean) =>
        options.onUpdate({ view: set.view({ paragraphs: options.paragraphs, entries: options.entries }), terms, searched, suggestion, unreachable, done });
      const outcome = await attempt(query, options, current, send(query, undefined));
      if (!current()) return;
      // A misspelt name ("Kruschev") finds nothing: search the nearest name of the registry instead.
      const suggestion = outcome.found === 0 ? closestName(query, outcome.registry) : undefined;
      if (!suggestion) {
        send(query, undefined)(outcome.set, outcome.terms, true);
        return;
      }
      const retried = await attempt(suggestion, options, current, send(suggestion, suggestion));
      if (current()) send(suggestion, suggestion)(retried.set, retried.terms, true);
    },
  };
}
