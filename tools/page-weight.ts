/**
 * The weight of a built page in bytes, as a reader's browser receives it before doing
 * anything: the HTML, the stylesheets it links, and the scripts it runs on load (external,
 * inline and module preloads). Sizes are gzip at level 6, what static hosts typically send;
 * they are exact and repeatable, unlike timings.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export type AssetKind = 'html' | 'css' | 'js';

export interface Asset {
  kind: AssetKind;
  /** The URL as written in the page (the page's own URL for the HTML, `inline` for inline code). */
  url: string;
  raw: number;
  gzip: number;
  /** Inline code: its bytes travel inside the HTML, so the total does not count them twice. */
  inline: boolean;
}

export interface PageWeight {
  assets: Asset[];
  /** Gzip bytes of the HTML, of its stylesheets, of the scripts it runs on arrival (inline ones weighed on their own). */
  html: number;
  css: number;
  js: number;
  /** Gzip bytes of everything transferred: HTML, stylesheets, script files. */
  total: number;
}

export function gzipSize(bytes: string | Uint8Array): number {
  return gzipSync(bytes, { level: 6 }).length;
}

/**
 * Brotli at its highest quality: what hosts that compress static files ahead of time send to
 * browsers that accept it. Its window spans the whole page, so repeated text costs little.
 */
export function brotliSize(bytes: string | Uint8Array): number {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** Script types that a browser runs; anything else (JSON-LD, templates) is data. */
const runnable = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** What the page makes the browser load and run before any interaction. */
export function loadedOnArrival(html: string): { stylesheets: string[]; scripts: string[]; inlineScripts: string[] } {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const found = { stylesheets: [] as string[], scripts: [] as string[], inlineScripts: [] as string[] };
  visit(tree, 'element', (element: Element) => {
    const rel = (Array.isArray(element.properties['rel']) ? element.properties['rel'] : []).map(String);
    const href = element.properties['href'];
    if (element.tagName === 'link' && typeof href === 'string') {
      if (rel.includes('stylesheet')) found.stylesheets.push(href);
      if (rel.includes('modulepreload') || (rel.includes('preload') && element.properties['as'] === 'script')) found.scripts.push(href);
    }
    if (element.tagName === 'script' && runnable.has(String(element.properties['type'] ?? '').toLowerCase())) {
      const src = element.properties['src'];
      if (typeof src === 'string') found.scripts.push(src);
      else found.inlineScripts.push(element.children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
    }
  });
  return { ...found, scripts: [...new Set(found.scripts)] };
}

/**
 * Weighs a page: `read` returns the bytes of a file of the site from its URL, resolved
 * against `pageUrl`, and throws when the site has no such file.
 */
export function weighPage(pageUrl: string, html: Uint8Array, read: (url: URL) => Uint8Array): PageWeight {
  const text = new TextDecoder().decode(html);
  const { stylesheets, scripts, inlineScripts } = loadedOnArrival(text);
  const measure = (kind: AssetKind, url: string, bytes: Uint8Array | string, inline = false): Asset => ({
    kind,
    url,
    raw: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length,
    gzip: gzipSize(bytes),
    inline,
  });
  const assets = [
    measure('html', pageUrl, html),
    ...stylesheets.map((url) => measure('css', url, read(new URL(url, pageUrl)))),
    ...withStaticImports(scripts, pageUrl, read).map(({ url, bytes }) => measure('js', url, bytes)),
    ...inlineScripts.map((code) => measure('js', 'inline', code, true)),
  ];
  const sum = (select: (asset: Asset) => boolean) => assets.filter(select).reduce((total, asset) => total + asset.gzip, 0);
  return {
    assets,
    html: sum((asset) => asset.kind === 'html'),
    css: sum((asset) => asset.kind === 'css'),
    js: sum((asset) => asset.kind === 'js'),
    total: sum((asset) => !asset.inline),
  };
}

/**
 * The page's module scripts and every module they import statically (`import … from "./x.js"`,
 * `import "./x.js"`), each once: the browser fetches those before the module runs, so they count.
 * Dynamic `import()` is left out: it loads only when the code asks for it.
 */
export function withStaticImports(scripts: readonly string[], pageUrl: string, read: (url: URL) => Uint8Array): { url: string; bytes: Uint8Array }[] {
  const seen = new Set<string>();
  const result: { url: string; bytes: Uint8Array }[] = [];
  const visit = (url: URL, label: string) => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    const bytes = read(url);
    result.push({ url: label, bytes });
    const code = new TextDecoder().decode(bytes);
    for (const match of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+)["'`]/g)) {
      const target = new URL(match[1] ?? '', url);
      visit(target, target.pathname);
    }
  };
  for (const script of scripts) visit(new URL(script, pageUrl), script);
  return result;
}
