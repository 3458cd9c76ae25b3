/**
 * The search page: runs Pagefind in the browser for the query in the URL (?q=), so that a
 * search can be shared, bookmarked and gone back to; groups results by document with their
 * paragraph numbers; announces the count; filters by kind of entity and by document.
 * Pagefind's own code loads only here, when a search runs.
 */
import { partFilter, partOf, type SearchPart, type SearchParts } from '../lib/search-parts.ts';
import { cleanExcerpt, closestName, highlightTerms, namedEntities, withHighlight, type EntityNames } from '../lib/search-terms.ts';

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: SubResult[];
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (bundle: string, options: Record<string, unknown>) => Promise<void>;
  search: (query: string, options?: { filters?: Record<string, string[]> }) => Promise<{ results: { data: () => Promise<ResultData> }[] }>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-query');
const status = document.querySelector<HTMLElement>('#search-status');
const results = document.querySelector<HTMLElement>('#search-results');
const filterBox = document.querySelector<HTMLElement>('#search-filters');
const base = document.documentElement.dataset['base'] ?? '/';
const entities = JSON.parse(document.querySelector('#entity-names')?.textContent ?? '[]') as EntityNames[];
// Present only when the archive is built in parts (SEARCH_PARTS): the other parts to search too.
const parts = JSON.parse(document.querySelector('#search-parts')?.textContent ?? 'null') as SearchParts | null;
const allParts = parts ? [parts.own, ...parts.others] : [];
/** Parts whose index did not answer: the search runs without them and says so. */
let unreachable: SearchPart[] = [];

// One promise for every caller: the filters and the first search both ask for the engine at
// once, and an index merged twice would give every result of that part twice.
let loading: Promise<Pagefind> | undefined;
function load(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const engine = (await import(/* @vite-ignore */ url)) as Pagefind;
    if (!parts) {
      await engine.options({ baseUrl: base });
      return engine;
    }
    // Each part's results link below its own base path, and carry its name as a filter.
    await engine.options({ baseUrl: base, mergeFilter: { [partFilter]: parts.own.label } });
    // A part not deployed (or being replaced) must not take the others down: Pagefind keeps an
    // index that failed to load and fails every later search with it, so look first (past any
    // cached answer, as Pagefind itself does for this file).
    const answers = await Promise.all(
      parts.others.map((part) => fetch(`${part.bundle}pagefind-entry.json`, { cache: 'no-store' }).then((response) => response.ok, () => false)),
    );
    unreachable = parts.others.filter((_, index) => !answers[index]);
    for (const part of parts.others.filter((_, index) => answers[index])) {
      await engine.mergeIndex(part.bundle, { baseUrl: part.base, mergeFilter: { [partFilter]: part.label } });
    }
    return engine;
  })();
  return loading;
}

function selectedFilters(): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const box of document.querySelectorAll<HTMLInputElement>('#search-filters input:checked')) {
    filters[box.name] = [...(filters[box.name] ?? []), box.value];
  }
  return filters;
}

async function showFilters(): Promise<void> {
  if (!filterBox || filterBox.dataset['ready']) return;
  const available = await (await load()).filters();
  const chosen = new URLSearchParams(location.search).getAll('filter');
  filterBox.replaceChildren(
    ...Object.entries(available).filter(([name]) => name !== 'kind').map(([name, values]) => {
      const group = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = name.charAt(0).toUpperCase() + name.slice(1);
      group.append(legend);
      for (const [value, count] of Object.entries(values).sort(([a], [b]) => a.localeCompare(b))) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.checked = chosen.includes(`${name}:${value}`);
        box.addEventListener('change', () => void run(input?.value ?? ''));
        label.append(box, ` ${value} (${count})`);
        group.append(label);
      }
      return group;
    }),
  );
  filterBox.dataset['ready'] = 'true';
}

function resultList(items: { href: string; title: string; excerpt: string }[]): HTMLOListElement {
  const list = document.createElement('ol');
  list.className = 'search-result-list';
  for (const item of items) {
    const entry = document.createElement('li');
    const link = document.createElement('a');
    link.href = item.href;
    link.textContent = item.title;
    const excerpt = document.createElement('p');
    // Pagefind's excerpts hold only text and <mark>.
    excerpt.innerHTML = item.excerpt;
    entry.append(link, excerpt);
    list.append(entry);
  }
  return list;
}

async function run(query: string): Promise<void> {
  if (!status || !results) return;
  const url = new URL(location.href);
  url.searchParams.set('q', query);
  url.searchParams.delete('filter');
  for (const [name, values] of Object.entries(selectedFilters())) for (const value of values) url.searchParams.append('filter', `${name}:${value}`);
  history.replaceState(null, '', url);
  if (query.trim() === '') {
    status.textContent = 'Type a name, a place or any words.';
    results.replaceChildren();
    return;
  }
  status.textContent = 'Searching…';
  const engine = await load();
  const chosen = new URLSearchParams(location.search).getAll('filter');
  const filters: Record<string, string[]> = {};
  for (const item of chosen) {
    const [name = '', ...rest] = item.split(':');
    filters[name] = [...(filters[name] ?? []), rest.join(':')];
  }
  // Documents and entries are searched apart, so that a name's many entries never crowd the
  // paragraphs out of the results.
  const searchBoth = async (words: string) => {
    const [inDocuments, inEntries] = await Promise.all([
      engine.search(words, { filters: { ...filters, kind: ['Documents'] } }),
      engine.search(words, { filters: { ...filters, kind: ['Names and places'] } }),
    ]);
    return [...inDocuments.results.slice(0, 20), ...inEntries.results.slice(0, 20)];
  };
  let found = await searchBoth(query);
  // A misspelt name ("Kruschev") finds nothing: search the nearest name of the registry instead.
  let searched = query;
  const suggestion = found.length === 0 ? closestName(query, entities) : undefined;
  if (suggestion) {
    searched = suggestion;
    found = await searchBoth(suggestion);
  }
  const data = await Promise.all(found.map((result) => result.data()));
  // The entry of an entity the query names outright comes first.
  const bases = parts ? allParts.map((part) => part.base) : [base];
  const named = new Set(namedEntities(searched, entities).flatMap((id) => bases.map((partBase) => `${partBase}entities/${id}/`)));
  data.sort((a, b) => Number(named.has(b.url)) - Number(named.has(a.url)));
  const terms = highlightTerms(searched, entities);
  const documents = data.filter((page) => page.meta['kind'] === 'document');
  const entries = data.filter((page) => page.meta['kind'] !== 'document');
  const paragraphs = documents.reduce((sum, page) => sum + Math.max(1, page.sub_results.length), 0);
  const groups: { rank: number; element: HTMLElement }[] = [];
  for (const page of documents) {
    const section = document.createElement('section');
    const heading = document.createElement('h2');
    heading.textContent = page.meta['title'] ?? page.url;
    const items = (page.sub_results.length > 0 ? page.sub_results : [{ title: page.meta['title'] ?? '', url: page.url, excerpt: page.excerpt }]).map((sub) => ({
      href: withHighlight(sub.url, terms),
      title: sub.title,
      excerpt: cleanExcerpt(sub.excerpt, terms),
    }));
    section.append(heading, resultList(items));
    groups.push({ rank: data.indexOf(page), element: section });
  }
  if (entries.length > 0) {
    const section = document.createElement('section');
    const heading = document.createElement('h2');
    heading.textContent = 'Names and places';
    // Every part has its own page for a name, listing that part's paragraphs: say whose it is.
    const entryTitle = (page: ResultData) => {
      const title = page.meta['title'] ?? page.url;
      const part = parts ? partOf(page.url, allParts) : undefined;
      return part ? `${title} (${part.label})` : title;
    };
    section.append(heading, resultList(entries.map((page) => ({ href: withHighlight(page.url, terms), title: entryTitle(page), excerpt: cleanExcerpt(page.excerpt, terms) }))));
    groups.push({ rank: data.indexOf(entries[0] as ResultData), element: section });
  }
  // Groups in the order of their best result: a name's own entry first when it ranks first.
  groups.sort((a, b) => a.rank - b.rank);
  results.replaceChildren(...groups.map((group) => group.element));
  const count = paragraphs + entries.length;
  const counted = `${paragraphs} ${paragraphs === 1 ? 'paragraph' : 'paragraphs'} and ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`;
  const missing =
    unreachable.length === 0
      ? ''
      : ` ${unreachable.length === 1 ? 'Part' : 'Parts'} ${unreachable.map((part) => part.label).join(', ')} not searched: ${unreachable.length === 1 ? 'its index' : 'their indexes'} did not load.`;
  status.textContent =
    (count === 0
      ? `No results for “${query}”. Try another spelling, or browse the names and places.`
      : suggestion
        ? `No results for “${query}”; ${counted} for “${suggestion}”.`
        : `${counted} for “${query}”.`) + missing;
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  void run(input?.value ?? '');
});

const initial = new URLSearchParams(location.search).get('q') ?? '';
if (input) input.value = initial;
void showFilters();
if (initial) void run(initial);
