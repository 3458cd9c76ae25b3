/**
 * Completes a document's address where the site was built without its public origin (SITE_URL
 * unset). The build then writes the address as a path, `/documents/<slug>/`, in every citation;
 * this turns each into the address the page was opened at, in the citations the page shows, the
 * ones it copies and the files it downloads. On a site built with SITE_URL the addresses are
 * already absolute, and this changes nothing.
 */

/** A function that completes every occurrence of the document's built address in a text. */
export type Completer = (text: string) => string;

/**
 * The completer for a document whose built address is `built`, on a page opened at `here`.
 * `undefined` when there is nothing to complete: `built` is absolute (or missing).
 */
export function addressCompleter(built: string | undefined, here: string): Completer | undefined {
  if (built === undefined || built === '' || /^[a-z][a-z0-9+.-]*:/i.test(built)) return undefined;
  const complete = new URL(built, here).href;
  // Only a path that stands alone, not one that already follows its origin: completing twice
  // changes nothing.
  const path = new RegExp(`(?<![\\w.:/-])${built.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
  return (text) => text.replace(path, () => complete);
}

/** Completes the addresses in the text of every element under `root` that matches `selector`. */
export function completeTextIn(root: ParentNode, selector: string, complete: Completer): void {
  for (const element of root.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      const done = complete(text);
      if (done !== text) node.nodeValue = done;
    }
    for (const link of element.querySelectorAll<HTMLAnchorElement>('a[href]')) link.href = complete(link.getAttribute('href') ?? '');
  }
}

/** Downloads (`a[download]` under `root`) that carry the completed addresses, fetched and rewritten on click. */
export function completeDownloads(root: ParentNode, complete: Completer): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[download]')) {
    link.addEventListener('click', async (event) => {
      event.preventDefault();
      const response = await fetch(link.href);
      const text = complete(await response.text());
      const file = URL.createObjectURL(new Blob([text], { type: response.headers.get('content-type') ?? 'text/plain' }));
      const save = document.createElement('a');
      save.href = file;
      save.download = link.href.split('/').at(-1) ?? 'citation';
      save.click();
      setTimeout(() => URL.revokeObjectURL(file), 0);
    });
  }
}
