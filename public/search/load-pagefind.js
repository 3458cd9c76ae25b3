// Loads Pagefind's search (../pagefind/pagefind.js, beside this file below the site's base path)
// and hands it to the site's search code (src/scripts/search-engine.ts) as `window.editionPagefind`,
// announced by a `pagefind-ready` event. A plain file of the site rather than a dynamic import in
// the bundled code: the bundler would wrap that import in a preload helper of its own, a script
// every page would then load before the reader searches.
import * as pagefind from '../pagefind/pagefind.js';

window.editionPagefind = pagefind;
window.dispatchEvent(new Event('pagefind-ready'));
