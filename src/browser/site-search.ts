/**
 * The search box in every page's header answers in place, in a panel below it, as the reader
 * types: the card of a name, its paragraphs, other entries, and a link to the search page
 * (shareable, with every result and the filters). Started by search-ui.ts, which the box loads on
 * first use (search-shortcut.ts): no page loads it before then. Without it, the box's form opens
 * the search page.
 *
 * Keyboard: typing searches; Down moves from the box into the results and Up and Down between
 * them; Escape closes the panel and returns to the box; Enter in the box opens the search page.
 */
import { resultsStatus } from '../shared/search-results.ts';
import { worthSearching } from '../shared/search-terms.ts';
import type { SearchEngine } from './search-engine.ts';
import { renderResults } from './search-render.ts';

export function startPanel(engine: SearchEngine, base: string): void {
  const input = document.querySelector<HTMLInputElement>('#site-search');
  const form = input?.form ?? null;
  const panel = document.querySelector<HTMLElement>('#site-search-panel');
  if (!input || !form || !panel) return;
  engine.warm();

  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  const results = document.createElement('div');
  results.className = 'search-results';
  const more = document.createElement('p');
  more.className = 'search-panel-more';
  const moreLink = document.createElement('a');
  more.append(moreLink);
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Search results');
  more.hidden = true;
  panel.append(status, results, more);
  input.setAttribute('aria-controls', panel.id);

  let timer: number | undefined;
  let shownQuery = '';

  const open = () => {
    panel.hidden = false;
  };
  const close = () => {
    panel.hidden = true;
  };

  const search = async (query: string) => {
    shownQuery = query;
    if (!worthSearching(query)) {
      status.textContent = '';
      results.replaceChildren();
      close();
      return;
    }
    open();
    moreLink.href = `${base}search/?q=${encodeURIComponent(query)}`;
    moreLink.textContent = `All results for “${query}”, with filters`;
    await engine.run(query, {
      paragraphs: 8,
      entries: 5,
      onUpdate: ({ view, terms, suggestion, unreachable, done }) => {
        renderResults(results, view, terms, { heading: 'h3' });
        more.hidden = false;
        if (done)
          status.textContent = resultsStatus({
            query,
            suggestion,
            paragraphs: view.paragraphCount,
            entries: view.entryCount,
            unreachable: unreachable.map((part) => part.label),
          });
      },
    });
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    // A short pause, so that fast typing searches once, not at every key.
    timer = window.setTimeout(() => void search(input.value), 60);
  });
  // Back in the box, the results show again; not when Escape has just put the reader there.
  let dismissed = false;
  input.addEventListener('focus', () => {
    if (!dismissed && input.value.trim() !== '' && input.value === shownQuery) open();
    dismissed = false;
  });

  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a')];
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' && event.target === input && input.value === shownQuery && links().length > 0) {
      // Down from the box: into the results, opening them again after Escape.
      event.preventDefault();
      open();
      links()[0]?.focus();
    }
  });
  panel.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      dismissed = true;
      input.focus();
    } else if (event.key === 'ArrowDown' && at >= 0) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1])?.focus();
    }
  });
  // The panel closes when the reader moves on: a click or the focus elsewhere on the page.
  document.addEventListener('pointerdown', (event) => {
    if (!panel.hidden && event.target instanceof Node && !form.contains(event.target) && !panel.contains(event.target)) close();
  });
  document.addEventListener('focusin', (event) => {
    if (!panel.hidden && event.target instanceof Node && !form.contains(event.target) && !panel.contains(event.target)) close();
  });

  // Typed before this module arrived: search it now.
  if (input.value.trim() !== '') void search(input.value);
}
