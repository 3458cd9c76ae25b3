/**
 * Link checking for a built static site: every link and every resource reference on every
 * page, resolved the way a browser resolves it against the page's address, must reach a file
 * of the site, and every `#fragment` an id on the target page. Links to other origins are
 * collected, not followed (the tests run without a network).
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface PageLink {
  /** The URL as written. */
  url: string;
  /** `a[href]`, `img[src]`…, for messages. */
  source: string;
  /** Whether the browser fetches it while loading the page (stylesheet, image, script…). */
  resource: boolean;
  line: number | undefined;
}

export interface ParsedPage {
  /** Every id on the page, and every `a[name]`: what a `#fragment` may point at. */
  ids: Set<string>;
  links: PageLink[];
}

/** Elements and attributes that hold URLs; `true` where the browser loads them by itself. */
const urlAttributes: Record<string, Record<string, boolean>> = {
  a: { href: false, ping: false },
  area: { href: false },
  link: { href: true },
  script: { src: true },
  img: { src: true, srcSet: true },
  source: { src: true, srcSet: true },
  video: { src: true, poster: true },
  audio: { src: true },
  track: { src: true },
  iframe: { src: true },
  embed: { src: true },
  object: { data: true },
  form: { action: false },
  blockquote: { cite: false },
  q: { cite: false },
  ins: { cite: false },
  del: { cite: false },
};

/** Links that are not addresses of pages: the canonical link is checked, preconnects are not links at all. */
const navigationalRels = new Set(['canonical', 'alternate', 'prev', 'next', 'author', 'license', 'help', 'search']);

export function parsePage(html: string): ParsedPage {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const ids = new Set<string>();
  const links: PageLink[] = [];
  visit(tree, 'element', (element: Element) => {
    const { id, name } = element.properties;
    if (typeof id === 'string') ids.add(id);
    if (element.tagName === 'a' && typeof name === 'string') ids.add(name);
    const attributes = urlAttributes[element.tagName];
    if (attributes === undefined) return;
    for (const [attribute, loads] of Object.entries(attributes)) {
      const value = element.properties[attribute];
      if (typeof value !== 'string' && !Array.isArray(value)) continue;
      const text = Array.isArray(value) ? value.join(' ') : value;
      const urls =
        attribute === 'srcSet' ? text.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : attribute === 'ping' ? text.split(/\s+/) : [text];
      const rel = element.tagName === 'link' ? String(element.properties['rel'] ?? '').split(/[\s,]+/) : [];
      const resource = loads && !rel.some((word) => navigationalRels.has(word));
      for (const url of urls.filter(Boolean)) {
        links.push({ url, source: `${element.tagName}[${attribute.toLowerCase()}]`, resource, line: element.position?.start.line });
      }
    }
  });
  return { ids, links };
}

export interface SiteLayout {
  /** The site's public origin (SITE_URL): absolute links to it are checked like relative ones. */
  origin: string;
  /** The base path the site was built for, with slashes at both ends: `/` or `/reader/`. */
  base: string;
}

/** The URL path (below the origin, base included) at which a built file is served. */
export function urlPathOf(file: string, base: string): string {
  const path = file.split('\\').join('/');
  if (path === 'index.html') return base;
  return `${base}${path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path}`;
}

/** The built file that answers a URL path, or undefined when the path lies outside the base. */
export function fileOf(urlPath: string, base: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const relative = decodeURIComponent(urlPath.slice(base.length));
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

export interface LinkProblem {
  /** The built file the link is on. */
  file: string;
  line: number | undefined;
  link: PageLink;
  reason: string;
}

export interface SiteReport {
  problems: LinkProblem[];
  /** How many links were resolved inside the site (fragments included). */
  checked: number;
  /** Links to other origins, which are not followed. */
  external: { file: string; link: PageLink }[];
}

/**
 * Checks every link of every page. `files` lists every built file (paths relative to the
 * output folder, `/`-separated); `pages` holds the parsed HTML files among them. A page listed
 * in `servedAnywhere` (the 404 page, which the host sends for any missing address) may not use
 * path-relative links, which would resolve differently at every address.
 */
export function checkSite(
  files: ReadonlySet<string>,
  pages: ReadonlyMap<string, ParsedPage>,
  layout: SiteLayout,
  servedAnywhere: ReadonlySet<string> = new Set(),
): SiteReport {
  const report: SiteReport = { problems: [], checked: 0, external: [] };
  for (const [file, page] of pages) {
    const pageUrl = new URL(urlPathOf(file, layout.base), layout.origin);
    for (const link of page.links) {
      const problem = (reason: string) => report.problems.push({ file, line: link.line, link, reason });
      if (/^(mailto|tel):/i.test(link.url)) continue;
      let target: URL;
      try {
        target = new URL(link.url, pageUrl);
      } catch {
        problem('is not a valid URL');
        continue;
      }
      if (target.origin !== pageUrl.origin) {
        if (link.resource) problem('loads a file from another origin');
        report.external.push({ file, link });
        continue;
      }
      report.checked++;
      if (servedAnywhere.has(file) && !/^([a-z][a-z\d+.-]*:|\/|#)/i.test(link.url)) {
        problem('is relative to the page’s address, but this page is served at any address: start it with the base path');
        continue;
      }
      const targetFile = fileOf(target.pathname, layout.base);
      if (targetFile === undefined) {
        problem(`leads outside the site’s base path ${layout.base}`);
        continue;
      }
      if (!files.has(targetFile)) {
        problem(`leads to ${target.pathname}, which the site does not have`);
        continue;
      }
      // A text fragment (`#:~:text=…`) is a browser directive, not an id.
      const fragment = decodeURIComponent(target.hash.slice(1).split(':~:')[0] ?? '');
      if (fragment === '') continue;
      const targetPage = pages.get(targetFile);
      if (targetPage !== undefined && !targetPage.ids.has(fragment)) {
        problem(`points at #${fragment}, which ${targetFile === file ? 'this page' : targetFile} does not have`);
      }
    }
  }
  return report;
}

export function formatProblem({ file, line, link, reason }: LinkProblem): string {
  return `${file}${line === undefined ? '' : `:${line}`}  ${link.source}="${link.url}" ${reason}`;
}
