/**
 * The search page: the shareable, bookmarkable results of the query in the URL (?q=, and
 * ?filter=name:value), with every result, and filters by kind of entity, year and part. The
 * filters' data loads when the reader opens the filters (or when the URL already sets one).
 */
import { resultsStatus } from '../shared/search-results.ts';
import type { SearchEngine } from './search-engine.ts';
import { renderResults } from './search-render.ts';

export function startSearchPage(engine: SearchEngine): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-query');
  const status = document.querySelector<HTMLElement>('#search-status');
  const results = document.querySelector<HTMLElement>('#search-results');
  const filterBox = document.querySelector<HTMLDetailsElement>('#search-filters-box');
  const filterList = document.querySelector<HTMLElement>('#search-filters');

  /** The filters the URL sets, as Pagefind takes them. */
  function chosenFilters(): Record<string, string[]> {
    const filters: Record<string, string[]> = {};
    for (const item of new URLSearchParams(location.search).getAll('filter')) {
      const [name = '', ...rest] = item.split(':');
      filters[name] = [...(filters[name] ?? []), rest.join(':')];
    }
    return filters;
  }

  let filtersShown = false;
  async function showFilters(): Promise<void> {
    if (!filterList || filtersShown) return;
    filtersShown = true;
    const available = await engine.filters();
    const chosen = new URLSearchParams(location.search).getAll('filter');
    filterList.replaceChildren(
      ...Object.entries(available)
        .filter(([name]) => name !== 'kind')
        .map(([name, values]) => {
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
            box.addEventListener('change', () => {
              const url = new URL(location.href);
              url.searchParams.delete('filter');
              for (const checked of filterList.querySelectorAll<HTMLInputElement>('input:checked'))
                url.searchParams.append('filter', `${checked.name}:${checked.value}`);
              history.replaceState(null, '', url);
              void run(input?.value ?? '');
            });
            label.append(box, ` ${value} (${count})`);
            group.append(label);
          }
          return group;
        }),
    );
  }

  async function run(query: string): Promise<void> {
    if (!status || !results) return;
    const url = new URL(location.href);
    url.searchParams.set('q', query);
    history.replaceState(null, '', url);
    if (query.trim() === '') {
      status.textContent = 'Type a name, a place or any words.';
      results.replaceChildren();
      return;
    }
    status.textContent = 'Searching…';
    await engine.run(query, {
      filters: chosenFilters(),
      onUpdate: ({ view, terms, suggestion, unreachable, done }) => {
        renderResults(results, view, terms, { heading: 'h2' });
        // Said once, when every answer is in: a live region that changed at each arrival would talk over itself.
        if (done) {
          status.textContent = resultsStatus({
            query,
            suggestion,
            paragraphs: view.paragraphCount,
            entries: view.entryCount,
            unreachable: unreachable.map((part) => part.label),
          });
        }
      },
    });
  }

  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input?.value ?? '');
  });
  filterBox?.addEventListener('toggle', () => {
    if (filterBox.open) void showFilters();
  });

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (input) input.value = initial;
  if (new URLSearchParams(location.search).has('filter') && filterBox) filterBox.open = true;
  if (initial) void run(initial);
}
