/**
 * Marks the searched words on a page reached from a search result, in the text the reader sees
 * (never in hidden alias text or the edition's labels), and offers a button that clears them.
 * Loaded only when the URL carries `?highlight=`.
 */
import { termsFromUrl } from '../shared/highlight-terms.ts';

// The edition's own words and chrome: never marked as found.
const skip = '[data-pagefind-ignore], .pnum, .sidenote-close, .visually-hidden, script, style, .search-clear';

export function highlight(root: ParentNode = document): number {
  const terms = termsFromUrl(location.search);
  if (terms.length === 0) return 0;
  const escaped = terms.sort((a, b) => b.length - a.length).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'giu');
  const container = root.querySelector('.document-text, .entity-page') ?? document.body;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.data;
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of matches) {
      fragment.append(text.slice(last, match.index));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = match[0];
      fragment.append(mark);
      last = match.index + match[0].length;
      count++;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
  if (count > 0) addClearButton();
  return count;
}

function addClearButton(): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'search-clear';
  button.textContent = 'Clear search highlight';
  button.addEventListener('click', () => {
    for (const mark of document.querySelectorAll('mark.search-hit')) mark.replaceWith(mark.textContent ?? '');
    document.querySelector('.document-text, .entity-page')?.normalize();
    const url = new URL(location.href);
    url.searchParams.delete('highlight');
    history.replaceState(history.state, '', url);
    button.remove();
  });
  document.querySelector('main')?.prepend(button);
}
