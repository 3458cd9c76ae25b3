/** The site's name, as the header and the page titles show it. */
export const siteName = 'Archival Reading Edition';

/** A path inside the site, prefixed with the base path the site is built for. */
export function sitePath(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}
