/**
 * Paragraph actions, as progressive enhancement: without this script every ¶ number is still a
 * plain permanent link and every citation on the page can be selected and copied by hand.
 * With it, a "Cite" button beside each number opens a dialog that copies the permanent link,
 * a link with a text fragment, or a citation of that paragraph in each style, and every
 * citation block on the page gets a Copy button. The citations are formatted at build time;
 * this only fetches them (citations.json, same origin) the first time a reader asks.
 */

// The shapes the build writes to citations.json: type-only imports, erased from the bundle.
import type { Formatted } from '../lib/citations.ts';
import type { ParagraphCitations } from '../lib/document-citations.ts';
import { addressCompleter, completeDownloads, completeTextIn } from './page-address.ts';

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

function enhance(article: HTMLElement, source: string, complete: (text: string) => string): void {
  let citations: Promise<Citations> | undefined;
  const load = () => {
    citations ??= fetch(source).then(async (response) => {
      if (!response.ok) throw new Error(String(response.status));
      return JSON.parse(complete(await response.text())) as Citations;
    });
    return citations;
  };

  const dialog = element('dialog', 'para-dialog');
  dialog.setAttribute('aria-labelledby', 'para-dialog-title');
  const status = element('p', 'copy-status');
  status.setAttribute('role', 'status');
  document.body.append(dialog);

  /** A Copy button after `block`, which copies the block's text (and HTML, for a citation). */
  const copyButton = (block: HTMLElement, name: string, live: HTMLElement) => {
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
  };

  const linkButton = (text: string, link: string, label: string) => {
    const button = element('button', 'copy-button', text);
    button.type = 'button';
    button.addEventListener('click', async () => {
      status.textContent = (await copy(link)) ? `Copied: ${label}.` : `Could not copy. The link is ${link}`;
    });
    return button;
  };

  // The dialog shows the paragraph asked for last, even if an earlier request answers later.
  let latest = 0;
  const open = async (id: string, label: string) => {
    const request = ++latest;
    const heading = element('h2', '', `Cite ${label}`);
    heading.id = 'para-dialog-title';
    // Close comes first, at the top: on a phone there is no Escape key to reach for.
    const close = element('button', 'dialog-close', 'Close');
    close.type = 'button';
    close.addEventListener('click', () => dialog.close());
    status.textContent = '';
    dialog.replaceChildren(heading, close, status);
    dialog.showModal();
    let data: Citations;
    try {
      data = await load();
    } catch {
      status.textContent = 'The citations could not be loaded. The ¶ number itself is a permanent link.';
      return;
    }
    const paragraph = data.paragraphs.find((candidate) => candidate.id === id);
    if (paragraph === undefined || request !== latest || !dialog.open) return;
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
      copyButton(citation, `${name}, ${label}`, status);
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
      copyButton(pre, `${name}, ${label}`, status);
      return details;
    });
    dialog.append(links, list, ...blocks);
  };

  for (const paragraph of article.querySelectorAll<HTMLElement>('.para[id]')) {
    const number = paragraph.querySelector('.pnum');
    const label = number?.textContent ?? '';
    if (number === null || label === '') continue;
    const button = element('button', 'para-cite', 'Cite');
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-label', `Link to or cite ${label}`);
    button.addEventListener('click', () => void open(paragraph.id, label));
    number.after(button);
  }

  const pageStatus = element('p', 'copy-status visually-hidden');
  pageStatus.setAttribute('role', 'status');
  article.append(pageStatus);
  for (const block of article.querySelectorAll<HTMLElement>('[data-copy]')) {
    const name = block.closest('div')?.querySelector('dt')?.textContent ?? block.closest('details')?.querySelector('summary')?.textContent ?? 'citation';
    copyButton(block, name, pageStatus);
  }
}

const article = document.querySelector<HTMLElement>('article[data-citations]');
const source = article?.dataset['citations'];
// Built without the site's origin, the citations give the document's address as a path: the
// page completes it with the address it was opened at, before anything is shown or copied.
const complete = article && addressCompleter(article.dataset['address'], location.href);
if (article && complete) {
  completeTextIn(article, '[data-copy]', complete);
  completeDownloads(article, complete);
}
if (article && source && 'clipboard' in navigator && typeof HTMLDialogElement === 'function') enhance(article, source, complete ?? ((text) => text));
