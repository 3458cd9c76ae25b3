/**
 * All of search's code in the browser, in one module: the panel of the header's search box on
 * every page (site-search.ts), and the search page (search.ts) where there is one, sharing one
 * search engine. One file with no dependencies of its own, so that the loader of every page
 * (search-shortcut.ts) imports it with a plain dynamic import when the box is first used (a
 * file with dependencies would make the bundler add its preload helper to every page).
 */
import { createSearchEngine } from './search-engine.ts';
import { startSearchPage } from './search.ts';
import { startPanel } from './site-search.ts';
import { addStylesheet } from './stylesheet.ts';
// The results' styles come with this code, not with every page: a stylesheet of this origin.
import styles from '../styles/search.css?url';

void addStylesheet(styles);
const base = document.documentElement.dataset['base'] ?? '/';
const engine = createSearchEngine(base);
if (document.querySelector('#search-form')) startSearchPage(engine);
startPanel(engine, base);
