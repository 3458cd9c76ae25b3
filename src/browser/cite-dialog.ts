/**
 * The Cite dialog of a paragraph and the Copy buttons of the document's Cite panel, loaded the
 * first time a reader asks for either (src/scripts/reading.ts). The citations are formatted at
 * build time; this only fetches them (citations.json, same origin) and copies them.
 */

// The shapes the build writes to citations.json: type-only imports, erased from the bundle.
import type { Formatted } from '../content/citations.ts';
import type { ParagraphCitations } from '../content/document-citations.ts';
import { addressCompleter, completeDownloads, completeTextIn } from './page-address.ts';
import { addStylesheet } from './stylesheet.ts';
// The dialog's styles come with this code, not with every reading page.
import styles from '../styles/cite.css?url';

const styled = addStylesheet(styles);

interface Citations {
  document: { chicagoBibliography: Formatted; mlaWorksCited: Formatted; apaReference: Formatted };
  paragraphs: ParagraphCitations[];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** Copies text, with HTML beside it when the browser can (italics survive a paste into a word processor). */
async function copy(text: string, html?: string): Promise<boolean> {
  try {
    if (html !== undefined && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch {
    return false;
  }
}

/** A Copy button after `block`, which copies the block's text (and HTML, for a citation). */
function copyButton(block: HTMLElement, name: string, live: HTMLElement): void {
  const button = element('button', 'copy-button', 'Copy');
  button.type = 'button';
  button.setAttribute('aria-label', `Copy ${name}`);
  button.addEventListener('click', async () => {
    const isPlain = block.tagName === 'PRE';
    const done = await copy(block.textContent ?? '', isPlain ? undefined : block.innerHTML);
    if (!done) getSelection()?.selectAllChildren(block);
    live.textContent = done ? `Copied: ${name}.` : 'Could not copy: the text is selected, copy it with your keyboard.';
  });
  block.after(button);
}

/**
 * The document's Cite panel, once opened: on a site built without its origin, its citations and
 * downloads given the address the page was opened at (`address` is the document's address as
 * built); and, where the browser can copy, a Copy button for every citation block (`[data-copy]`).
 */
export async function preparePanel(panel: HTMLElement, address: string, canCopy: boolean): Promise<void> {
  const complete = addressCompleter(address, location.href);
  if (complete) {
    completeTextIn(panel, '[data-copy]', complete);
    completeDownloads(panel, complete);
  }
  if (canCopy) await addCopyButtons(panel);
}

async function addCopyButtons(article: HTMLElement): Promise<void> {
  await styled;
  const status = element('p', 'copy-status visually-hidden');
  status.setAttribute('role', 'status');
  article.append(status);
  for (const block of article.querySelectorAll<HTMLElement>('[data-copy]')) {
    const name = block.closest('div')?.querySelector('dt')?.textContent ?? block.closest('details')?.querySelector('summary')?.textContent ?? 'citation';
    copyButton(block, name, status);
  }
}

let citations: Promise<Citations> | undefined;
let dialog: HTMLDialogElement | undefined;
let status: HTMLElement | undefined;
// The dialog shows the paragraph asked for last, even if an earlier request answers later.
let latest = 0;

/**
 * Opens the Cite dialog of one paragraph; `source` is the document's citations.json, `address`
 * the document's address as built (a path, completed here, when the site's origin was not known).
 */
export async function openCiteDialog(source: string, address: string, id: string, label: string): Promise<void> {
  const complete = addressCompleter(address, location.href) ?? ((text: string) => text);
  citations ??= fetch(source).then(async (response) => {
    if (!response.ok) throw new Error(String(response.status));
    return JSON.parse(complete(await response.text())) as Citations;
  });
  if (dialog === undefined) {
    dialog = element('dialog', 'para-dialog');
    dialog.setAttribute('aria-labelledby', 'para-dialog-title');
    document.body.append(dialog);
  }
  status ??= element('p', 'copy-status');
  status.setAttribute('role', 'status');
  const box = dialog;
  const live = status;
  const request = ++latest;
  const heading = element('h2', '', `Cite ${label}`);
  heading.id = 'para-dialog-title';
  // Close comes first, at the top: on a phone there is no Escape key to reach for.
  const close = element('button', 'dialog-close', 'Close');
  close.type = 'button';
  close.addEventListener('click', () => box.close());
  live.textContent = '';
  box.replaceChildren(heading, close, live);
  await styled;
  box.showModal();
  let data: Citations;
  try {
    data = await citations;
  } catch {
    citations = undefined;
    live.textContent = 'The citations could not be loaded. The ¶ number itself is a permanent link.';
    return;
  }
  const paragraph = data.paragraphs.find((candidate) => candidate.id === id);
  if (paragraph === undefined || request !== latest || !box.open) return;

  const linkButton = (text: string, link: string, name: string) => {
    const button = element('button', 'copy-button', text);
    button.type = 'button';
    button.addEventListener('click', async () => {
      live.textContent = (await copy(link)) ? `Copied: ${name}.` : `Could not copy. The link is ${link}`;
    });
    return button;
  };
  const links = element('p', 'dialog-links');
  links.append(linkButton('Copy link', paragraph.url, `link to ${label}`));
  if (paragraph.fragmentUrl !== undefined) {
    links.append(' ', linkButton('Copy link that also finds the words', paragraph.fragmentUrl, `link with text to ${label}`));
  }
  const list = element('dl', 'citations');
  const styles: [string, Formatted][] = [
    ['Chicago, note', paragraph.chicagoNote],
    ['Chicago, short note', paragraph.chicagoShortNote],
    ['Chicago, bibliography', data.document.chicagoBibliography],
    ['MLA, in-text', paragraph.mlaInText],
    ['MLA, works cited', data.document.mlaWorksCited],
    ['APA, in-text', paragraph.apaInText],
    ['APA, reference', data.document.apaReference],
  ];
  for (const [name, formatted] of styles) {
    const row = element('div', '');
    const value = element('dd', '');
    const citation = element('span', '');
    // Built by the CSL engine at build time, served from this site.
    citation.innerHTML = formatted.html;
    value.append(citation);
    row.append(element('dt', '', name), value);
    list.append(row);
    copyButton(citation, `${name}, ${label}`, live);
  }
  const exports: [string, string][] = [
    ['BibTeX', paragraph.bibtex],
    ['RIS', paragraph.ris],
    ['CSL-JSON', paragraph.cslJson],
  ];
  const blocks = exports.map(([name, text]) => {
    const details = element('details', 'cite-export');
    const pre = element('pre', '', text);
    details.append(element('summary', '', name), pre);
    copyButton(pre, `${name}, ${label}`, live);
    return details;
  });
  box.append(links, list, ...blocks);
}
