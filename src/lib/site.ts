/** The site's name, as the header and the page titles show it. */
export const siteName = 'Archival Reading Edition';

/** A path inside the site, prefixed with the base path the site is built for. */
export function sitePath(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/**
 * The page's <title>: "Title · Site name", without the site name when that would pass 70
 * characters (what search results show), and cut at a word when the title alone is longer.
 */
export function pageTitle(title: string, max = 70): string {
  if (title === siteName) return title;
  const full = `${title} · ${siteName}`;
  if (htmlLength(full) <= max) return full;
  if (htmlLength(title) <= max) return title;
  let cut = title;
  while (htmlLength(`${cut}…`) > max && cut.includes(' ')) cut = cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:(–-]+$/, '');
  return `${cut}…`;
}

/** Length as written in HTML, where quotes and ampersands take an entity (validators count those). */
function htmlLength(text: string): number {
  return text
    .replace(/["]/g, '&quot;')
    .replace(/[']/g, '&#39;')
    .replace(/&(?![a-z#])/g, '&amp;').length;
}

/**
 * The site's public origin from SITE_URL, checked: `undefined` when it is not set, in which case
 * the pages give addresses as paths and the reader's browser completes them with the address the
 * page was opened at. A value that is not an http(s) address is refused with what to write.
 */
export function publicOrigin(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`SITE_URL must be the address the site is published at, e.g. "https://archive.example.org"; "${trimmed}" is not an address.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL must start with https:// (or http://); "${trimmed}" does not.`);
  }
  return url.origin;
}
