/**
 * Search in the browser, shared by the search box of every page and the search page: runs a
 * query the way the results need it (see src/lib/search-results.ts) and reports the results
 * each time more of them arrive.
 *
 * A query that names an entity in any spelling (the registry's names of the query's words,
 * search/names/<key>.json) shows that entity's card at once, then the paragraphs that mention
 * it, from the build's list of its mentions (search/mentions/<id>.json): the first results need
 * no index. Pagefind, loaded on the first use of a search box, then searches the query's words
 * for the paragraphs and entries that only share them; and it searches for the entity's own term
 * (beside each mention in its index) where the list cannot answer: with filters, or past the
 * documents the list holds.
 */
import { partFilter, partOf, type SearchPart, type SearchParts } from '../shared/search-parts.ts';
import type { MentionsFile } from '../lib/search-mentions.ts';
import { type PagefindPage, ResultSet, type ResultsView } from '../shared/search-results.ts';
import {
  closestName,
  type EntityNames,
  entityToken,
  highlightTerms,
  namedEntities,
  type PackedNames,
  queryWithEntities,
  shardKeys,
  unpackNames,
} from '../shared/search-terms.ts';

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

declare global {
  interface Window {
    /** Set by public/search/load-pagefind.js. */
    editionPagefind?: Pagefind;
  }
}

/**
 * Pagefind's module, by way of public/search/load-pagefind.js (a module script of the site,
 * which imports it and hands it over): no dynamic import in the bundled code, whose bundler
 * would otherwise add a preload helper to every page.
 */
function loadPagefind(base: string): Promise<Pagefind> {
  return new Promise((resolve, reject) => {
    if (window.editionPagefind) return resolve(window.editionPagefind);
    window.addEventListener('pagefind-ready', () => (window.editionPagefind ? resolve(window.editionPagefind) : reject(new Error('Pagefind did not load'))), {
      once: true,
    });
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${base}search/load-pagefind.js`;
    script.addEventListener('error', () => reject(new Error(`Pagefind could not be loaded from ${script.src}`)));
    document.head.append(script);
  });
}

export function createSearchEngine(base: string): SearchEngine {
  let unreachable: SearchPart[] = [];
  let generation = 0;

  const json = <T>(path: string, fallback: T): Promise<T> =>
    fetch(path)
      .then((response) => (response.ok ? (response.json() as Promise<T>) : fallback))
      .catch(() => fallback);
  // The registry's names, by shard (src/pages/search/names/[key].json.ts): those of a query's words.
  const shards = new Map<string, Promise<PackedNames[]>>();
  const namesFor = async (query: string): Promise<EntityNames[]> => {
    const keys = shardKeys(query);
    for (const key of keys) if (!shards.has(key)) shards.set(key, json<PackedNames[]>(`${base}search/names/${key}.json`, []));
    const loaded = (await Promise.all(keys.map((key) => shards.get(key) ?? []))).flat();
    return unpackNames([...new Map(loaded.map((entity) => [entity[0], entity])).values()]);
  };
  let partsList: Promise<{ parts: SearchParts | null; all: SearchPart[] }> | undefined;
  const loadParts = () => {
    partsList ??= json<SearchParts | null>(`${base}search/parts.json`, null).then((parts) => ({ parts, all: parts ? [parts.own, ...parts.others] : [] }));
    return partsList;
  };

  // The index of a site comes in bundles (src/integrations/search-bundles.ts): the first, whose
  // script and WebAssembly search them all, lists the others in bundles.json. Asked afresh on each
  // visit, as Pagefind asks for its entry file: a list kept from an earlier build could name a
  // bundle no longer there, which would fail every search.
  const bundlesAfter = (first: string) =>
    fetch(`${first}bundles.json`, { cache: 'no-cache' })
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .catch(() => [] as string[])
      .then((folders) => folders.map((folder) => `${first}${folder}`));

  // One promise for every caller: an index merged twice would give every result of its part twice.
  let engine: Promise<Pagefind> | undefined;
  const load = () => {
    engine ??= (async () => {
      const [pagefind, { parts }, ownBundles] = await Promise.all([loadPagefind(base), loadParts(), bundlesAfter(`${base}pagefind/`)]);
      const ownFilter = parts ? { mergeFilter: { [partFilter]: parts.own.label } } : {};
      // In the page, not in a worker: one script less to fetch, and the index of one archive is
      // searched in milliseconds.
      await pagefind.options({ baseUrl: base, noWorker: true, excerptLength: 24, ...ownFilter });
      await pagefind.init();
      // Merged at once, not one after another: each costs a fetch or two, and Pagefind keeps the
      // order in which they were asked for.
      const merging = ownBundles.map((bundle) => pagefind.mergeIndex(bundle, { baseUrl: base, ...ownFilter }));
      if (parts) {
        const { others } = parts;
        // A part not deployed (or being replaced) must not take the others down: Pagefind keeps
        // an index that failed to load and fails every later search with it, so look first.
        const answers = await Promise.all(
          others.map((part) =>
            fetch(`${part.bundle}pagefind-entry.json`, { cache: 'no-store' }).then(
              (response) => response.ok,
              () => false,
            ),
          ),
        );
        unreachable = others.filter((_, index) => !answers[index]);
        const reachable = others.filter((_, index) => answers[index]);
        const theirBundles = await Promise.all(reachable.map((part) => bundlesAfter(part.bundle)));
        for (const [index, part] of reachable.entries()) {
          const options = { baseUrl: part.base, mergeFilter: { [partFilter]: part.label } };
          for (const bundle of [part.bundle, ...(theirBundles[index] ?? [])]) merging.push(pagefind.mergeIndex(bundle, options));
        }
      }
      await Promise.all(merging);
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

  async function attempt(query: string, options: SearchOptions, current: () => boolean, report: (set: ResultSet, terms: string[], done: boolean) => void) {
    const [registry, { parts, all: allParts }] = await Promise.all([namesFor(query), loadParts()]);
    const filters = options.filters ?? {};
    const filtered = Object.keys(filters).length > 0;
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
    const partIndex = (url: string) => {
      const part = partOf(url, allParts);
      return part ? Math.max(0, allParts.indexOf(part)) : 0;
    };
    // Every part has its own page for a name, listing that part's paragraphs: say whose it is.
    const labelled = (title: string, url: string) => {
      const part = parts ? partOf(url, allParts) : undefined;
      return part ? `${title} (${part.label})` : title;
    };
    const titled = (page: PagefindPage) => labelled(page.meta['title'] ?? page.url, page.url);

    // The entities the query names: their cards at once, then the paragraphs that mention them.
    const entitySearches = named.map(async (id, entity) => {
      const names = registry.find((candidate) => candidate.id === id);
      const showPart = async (part: { base: string }) => {
        const card = names?.card;
        const url = `${part.base}entities/${id}/`;
        // With filters, the card shows only if the entry passes them (found by the words, below).
        if (filtered) return true;
        if (names && card) set.addCard({ url, title: labelled(names.names[0] ?? id, url), ...card }, entity, partIndex(url));
        update();
        const file = await json<MentionsFile>(`${part.base}search/mentions/${id}.json`, { total: 0, documents: [] });
        if (!current()) return false;
        file.documents.forEach((document, rank) => {
          const address = `${part.base}documents/${document.slug}/`;
          set.addMentionParagraphs(
            { url: address, title: document.title },
            entity,
            rank,
            document.paragraphs.map(([paragraph, label, count, excerpt, words]) => ({ url: `${address}#${paragraph}`, label, count, excerpt, words })),
          );
        });
        update();
        // The list holds the documents that mention the entity most: the index finds the others.
        return file.total > file.documents.length;
      };
      const own = await showPart({ base });
      let more = own;
      if (parts) {
        await load();
        const others = parts.others.filter((part) => !unreachable.includes(part));
        more = (await Promise.all(others.map(showPart))).some(Boolean) || own;
      }
      if (!more) return;
      const pagefind = await load();
      const results = (await pagefind.search(entityToken(id), { filters }))?.results ?? [];
      found += results.length;
      await Promise.all(
        results.slice(0, documentsWanted + allParts.length).map(async (result, rank) => {
          const page = await dataOf(result);
          if (!current() || page.meta['kind'] === 'entity') return;
          set.addMentions(page, entity, documentsWanted + rank);
          update();
        }),
      );
    });
    // The query's words, after them, so that the first results are not kept waiting. Documents
    // and entries are searched apart (Pagefind's one small `kind` filter), so that a word's many
    // entries never crowd the paragraphs out of the results.
    const wordSearch = async (words: string, tier: 1 | 2) => {
      const pagefind = await load();
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
          const entity = named.findIndex((id) => page.url.endsWith(`/entities/${id}/`));
          const card = registry.find((candidate) => candidate.id === named[entity])?.card;
          if (page.meta['kind'] !== 'entity') set.addMatches(page, tier, rank, words.split(/\s+/));
          else if (card) set.addCard({ url: page.url, title: titled(page), ...card }, entity, partIndex(page.url));
          else set.addEntry(page, rank, titled(page));
          update();
        }),
      );
    };
    const withEntities = queryWithEntities(query, registry);
    const first = [...entitySearches, ...(withEntities ? [wordSearch(withEntities, 1)] : [])];
    // The words wait until the name's first results are shown (or found to be none).
    if (first.length > 0) await Promise.race([firstShown, Promise.all(first)]);
    await Promise.all([...first, wordSearch(query, 2)]);
    found += set.view().paragraphCount + set.view().entryCount;
    return { set, terms, found, registry, named };
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
      // A misspelt name ("Kruschev") finds no paragraph: search the nearest name of the registry instead.
      // (A period source's title may spell it so: the retry is for the text, which has no such word.)
      const suggestion = outcome.named.length === 0 && outcome.set.view().paragraphCount === 0 ? closestName(query, outcome.registry) : undefined;
      if (!suggestion) {
        send(query, undefined)(outcome.set, outcome.terms, true);
        return;
      }
      const retried = await attempt(suggestion, options, current, send(suggestion, suggestion));
      if (current()) send(suggestion, suggestion)(retried.set, retried.terms, true);
    },
  };
}
