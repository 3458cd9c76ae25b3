/**
 * Search's code in the browser: the panel of the header's search box on every page
 * (site-search.ts) and, on the search page only, the page itself (search.ts), sharing one
 * search engine. One module, so that the loader of every page (search-shortcut.ts) imports a
 * single file when the box is first used, and nothing of it before.
 */
import { createSearchEngine } from './search-engine.ts';
import { startPanel } from './site-search.ts';
// The results' styles come with this code, not with every page: a stylesheet of this origin.
import styles from '../styles/search.css?url';

if (!document.querySelector(`link[href="${styles}"]`)) {
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = styles;
  document.head.append(sheet);
}
const base = document.documentElement.dataset['base'] ?? '/';
const engine = createSearchEngine(base);
if (document.querySelector('#search-form')) void import('./search.ts').then(({ startSearchPage }) => startSearchPage(engine));
startPanel(engine, base);
