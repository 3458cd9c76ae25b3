/**
 * The reading page's script, loaded after the page: it sets up what the reader can use and loads
 * the rest only when the reader uses it. At load: the "Show names" switch, a Cite button beside
 * every paragraph number. On first use: the Cite dialog, and the Cite panel's Copy buttons and,
 * on a site built without its origin, its addresses completed with the one the page was opened
 * at (cite-dialog.ts); the notes on names (mention-tips.ts); the search highlight (highlight.ts,
 * when arriving from a search result).
 * Without JavaScript nothing is lost but these: every number is a permanent link, every name a
 * link to its entry, every citation can be selected and copied.
 */
import { addNamesSwitch } from './names-switch.ts';

const article = document.querySelector<HTMLElement>('article[data-citations]');
if (article) {
  // The document's address as the build wrote it: a path when the site's origin was not known,
  // which the Cite panel and dialog complete before anything is shown or copied.
  const address = article.dataset['address'] ?? '';
  const header = article.querySelector('.document-header');
  if (header) addNamesSwitch(header);

  const names = article.dataset['names'];
  if (names) {
    const wake = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.mention') : null;
      if (!link) return;
      document.removeEventListener('pointerover', wake);
      document.removeEventListener('focusin', wake);
      void import('./mention-tips.ts').then(({ startNameNotes }) => startNameNotes(names, link));
    };
    document.addEventListener('pointerover', wake);
    document.addEventListener('focusin', wake);
  }

  const source = article.dataset['citations'];
  const dialogModule = () => import('./cite-dialog.ts');
  const panel = article.querySelector<HTMLDetailsElement>('details.cite-panel');
  const canCopy = 'clipboard' in navigator && typeof HTMLDialogElement === 'function';
  panel?.addEventListener('toggle', () => void dialogModule().then(({ preparePanel }) => preparePanel(panel, address, canCopy)), { once: true });
  if (source && canCopy) {
    for (const paragraph of article.querySelectorAll<HTMLElement>('.para[id]')) {
      const number = paragraph.querySelector('.pnum');
      const label = number?.textContent ?? '';
      if (number === null || label === '') continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'para-cite';
      button.textContent = 'Cite';
      button.setAttribute('aria-haspopup', 'dialog');
      button.setAttribute('aria-label', `Link to or cite ${label}`);
      button.addEventListener('click', () => void dialogModule().then(({ openCiteDialog }) => openCiteDialog(source, address, paragraph.id, label)));
      number.after(button);
    }
  }
}
