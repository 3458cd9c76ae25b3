/**
 * An archive too large to build at once is built in parts, each a static site under its own
 * base path on one origin (`/archive/1949-1969/`, `/archive/1970-1991/`), and the search page
 * of every part searches the other parts' Pagefind indexes too (Pagefind's `mergeIndex`).
 * SEARCH_PARTS names the other parts by their base paths, comma-separated; this reads it.
 */

export interface SearchPart {
  /** The part's base path, with slashes at both ends: `/archive/1970-1991/`. */
  base: string;
  /** Its Pagefind bundle, what `mergeIndex` loads: `/archive/1970-1991/pagefind/`. */
  bundle: string;
  /** What readers see in the Part filter and beside a name's entry: `1970-1991`. */
  label: string;
}

export interface SearchParts {
  /** The part being built. */
  own: SearchPart;
  /** The parts whose indexes its search page merges, in the order given. */
  others: SearchPart[];
}

/** The synthetic Pagefind filter (`mergeFilter`) that tells the parts apart. */
export const partFilter = 'part';

/** A path of this origin: segments of unreserved URL characters only, so nothing needs escaping. */
const pathShape = /^\/(?:[A-Za-z0-9._~-]+\/)*$/;

/**
 * The parts named by SEARCH_PARTS, seen from the part built for `ownBase`. Unset or blank:
 * `undefined`, and the search page stays as it is for a single site. The part's own base may
 * be in the list (so that every part can be given the same list) and is left out of `others`.
 * Throws on anything that is not a path of this origin: the Content-Security-Policy lets the
 * search page fetch from its own origin only, and another origin would also need CORS.
 */
export function parseSearchParts(value: string | undefined, ownBase: string): SearchParts | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const own = normalizePath(ownBase, 'BASE_PATH');
  const bases: string[] = [];
  for (const item of value.split(',')) {
    if (item.trim() === '') continue;
    const base = normalizePath(item.trim(), 'SEARCH_PARTS');
    if (base !== own && !bases.includes(base)) bases.push(base);
  }
  if (bases.length === 0) return undefined;
  const labels = partLabels([own, ...bases]);
  const part = (base: string): SearchPart => ({ base, bundle: `${base}pagefind/`, label: labels.get(base) ?? base });
  return { own: part(own), others: bases.map(part) };
}

/** `archive/1970-1991` and `/archive/1970-1991/` alike become `/archive/1970-1991/`. */
function normalizePath(path: string, variable: string): string {
  const normalized = `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const segments = normalized.split('/').filter(Boolean);
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(path) || !pathShape.test(normalized) || segments.some((segment) => segment === '.' || segment === '..')) {
    throw new Error(
      `${variable}: "${path}" is not a base path on this site. Give each part's path from the root of the origin, e.g. /archive/1970-1991/ (letters, digits, ".", "_", "~" and "-" only); parts on another origin cannot be searched.`,
    );
  }
  return normalized;
}

/**
 * Each part's label: the last segment of its path, or the whole path where two parts end
 * alike; the root part is "main".
 */
function partLabels(bases: string[]): Map<string, string> {
  const last = (base: string) => base.split('/').filter(Boolean).at(-1) ?? 'main';
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(last(base), (counts.get(last(base)) ?? 0) + 1);
  return new Map(bases.map((base) => [base, (counts.get(last(base)) ?? 0) > 1 ? base.replace(/^\/|\/$/g, '') || 'main' : last(base)]));
}

/** The part a result's URL belongs to: the one with the longest base path it starts with. */
export function partOf(url: string, parts: readonly SearchPart[]): SearchPart | undefined {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '');
  return parts.filter((part) => path.startsWith(part.base)).sort((a, b) => b.base.length - a.base.length)[0];
}
