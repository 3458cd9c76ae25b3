/**
 * Draws a search's results (src/lib/search-results.ts) into a container, the same for the
 * search box's panel and the search page: the cards of the entities the query names, the
 * paragraphs by document, the other entries. Every link carries the words to mark on arrival.
 * Drawn again as more results arrive; the link that has the focus keeps it.
 */
import type { ResultsView } from '../shared/search-results.ts';
import { withHighlight } from '../shared/search-terms.ts';

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const link = (href: string, text: string, className?: string) => {
  const anchor = element('a', className, text);
  anchor.href = href;
  return anchor;
};

export interface RenderOptions {
  /** The heading of each group: `h2` on the search page, `h3` in the panel. */
  heading: 'h2' | 'h3';
}

export function renderResults(container: HTMLElement, view: ResultsView, terms: readonly string[], options: RenderOptions): void {
  const focused = container.contains(document.activeElement) ? (document.activeElement as HTMLAnchorElement | null)?.href : undefined;
  const nodes: HTMLElement[] = [];
  if (view.cards.length > 0) {
    const cards = element('ul', 'search-cards');
    for (const card of view.cards) {
      const item = element('li', 'search-card');
      const facts = [card.type, card.dates].filter(Boolean).join(' · ');
      item.append(link(withHighlight(card.url, terms), card.title, 'search-card-name'));
      if (facts) item.append(' ', element('span', 'search-card-facts', facts));
      if (card.role) item.append(element('p', 'search-card-role', card.role));
      cards.append(item);
    }
    nodes.push(cards);
  }
  for (const group of view.documents) {
    const section = element('section', 'search-document');
    const list = element('ol', 'search-result-list');
    for (const hit of group.hits) {
      const item = element('li');
      const excerpt = element('p');
      // Pagefind's excerpts hold only text (escaped) and <mark>.
      excerpt.innerHTML = hit.excerpt;
      item.append(link(withHighlight(hit.url, terms), hit.label), excerpt);
      list.append(item);
    }
    section.append(element(options.heading, undefined, group.title), list);
    nodes.push(section);
  }
  if (view.entries.length > 0) {
    const section = element('section', 'search-entries');
    const list = element('ul', 'search-entry-list');
    for (const entry of view.entries) {
      const item = element('li');
      item.append(link(withHighlight(entry.url, terms), entry.title));
      if (entry.type) item.append(' ', element('span', 'search-card-facts', entry.type));
      list.append(item);
    }
    section.append(element(options.heading, undefined, view.cards.length > 0 ? 'Other names and places' : 'Names and places'), list);
    nodes.push(section);
  }
  container.replaceChildren(...nodes);
  if (focused) [...container.querySelectorAll('a')].find((anchor) => anchor.href === focused)?.focus();
}
