import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { find, html } from 'property-information';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface Options {
  /**
   * URL schemes that links (`href`, `action`, `cite`…) may use; relative URLs and `#fragments`
   * are always allowed. Default: `['http', 'https', 'mailto']`.
   */
  protocols?: readonly string[];
  /**
   * Elements a document may not contain: they run code, load or embed other pages, or change
   * how the page itself is read. Default: `script`, `noscript`, `style`, `link`, `meta`, `base`,
   * `iframe`, `frame`, `frameset`, `object`, `embed`, `form`.
   */
  forbiddenElements?: readonly string[];
}

const defaultProtocols = ['http', 'https', 'mailto'];
const defaultForbiddenElements = ['script', 'noscript', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form'];

/** Properties whose URL is followed when the reader acts (a link, a form, a citation source). */
const linkProperties = ['href', 'xLinkHref', 'action', 'formAction', 'cite', 'longDesc'];
/** Properties whose URL the browser fetches by itself, while loading the page or on a click. */
const resourceProperties = ['src', 'srcSet', 'poster', 'data', 'background', 'ping'];

/**
 * Fails the build on HTML in a document that would run a script or load anything from another
 * origin: a forbidden element (`<script>`…), an event-handler attribute (`onclick`…), a link
 * with a scheme outside `protocols` (`javascript:`, `data:`…), a resource (`<img src>`…) on
 * another origin, or a `style` attribute (the site's Content-Security-Policy would block it).
 * It checks the tree as the browser will see it: raw HTML written in the Markdown (the `raw`
 * nodes that remark-rehype's `allowDangerousHtml` keeps) is parsed the way rehype-raw will
 * parse it, so entities and odd spellings are decoded first, and the error points at the
 * element in the Markdown file. Run first among the rehype plugins, before rehype-raw.
 */
const rehypeSafeHtml: Plugin<[Options?], Root> = (options = {}) => {
  const protocols = new Set((options.protocols ?? defaultProtocols).map((scheme) => scheme.toLowerCase()));
  const forbidden = new Set(options.forbiddenElements ?? defaultForbiddenElements);
  return (tree, file) => {
    // Parsing costs a second pass over the document: only when it holds raw HTML.
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return false;
    });
    const parsed = hasRaw ? raw(structuredClone(tree), { file }) : tree;
    visit(parsed, 'element', (element) => {
      checkElement(element, { protocols, forbidden, file });
    });
  };
};

export default rehypeSafeHtml;

interface Check {
  protocols: Set<string>;
  forbidden: Set<string>;
  file: VFile;
}

function checkElement(element: Element, { protocols, forbidden, file }: Check): void {
  const tag = element.tagName;
  if (forbidden.has(tag)) {
    file.message(
      `<${tag}> is not allowed in a document: content runs no script and embeds nothing. Remove it; write the text in Markdown (scripts, styles and embeds belong to the site's templates).`,
      element,
      'rehype-safe-html:element',
    );
  }
  for (const [property, value] of Object.entries(element.properties)) {
    if (value === undefined || value === null || value === false) continue;
    const attribute = find(html, property).attribute;
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    if (/^on./i.test(attribute)) {
      file.message(
        `The attribute ${attribute} on <${tag}> runs a script; a document's content runs none. Remove the attribute.`,
        element,
        'rehype-safe-html:event-handler',
      );
    }
    if (attribute === 'style') {
      file.message(
        `The style attribute on <${tag}> is blocked by the site's Content-Security-Policy. Use a class from src/styles/edition.css instead.`,
        element,
        'rehype-safe-html:style',
      );
    }
    if (linkProperties.includes(property)) {
      const scheme = schemeOf(text);
      if (scheme !== undefined && !protocols.has(scheme)) {
        file.message(
          `The link ${attribute}=${JSON.stringify(text)} on <${tag}> uses the ${scheme}: scheme. A document may link only to ${[...protocols].map((name) => `${name}:`).join(', ')} addresses or to pages of this site.`,
          element,
          'rehype-safe-html:protocol',
        );
      }
    }
    if (resourceProperties.includes(property)) {
      const urls = property === 'srcSet' ? text.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [text];
      const foreign = urls.find((url) => schemeOf(url) !== undefined || /^[\\/]{2}/.test(normalizeUrl(url)));
      if (foreign !== undefined) {
        file.message(
          `${attribute}=${JSON.stringify(foreign)} on <${tag}> would load a file from another origin; the site asks nothing of other origins (and its Content-Security-Policy blocks it). Copy the file into public/ and use its path on this site.`,
          element,
          'rehype-safe-html:foreign-resource',
        );
      }
    }
  }
}

/** What the browser does before it reads a URL: trim controls and spaces, drop tabs and newlines. */
function normalizeUrl(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the URL standard strips exactly these.
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** The URL's scheme in lower case (`javascript`), or undefined for a relative URL. */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z\d+.-]*):/i.exec(normalizeUrl(url))?.[1]?.toLowerCase();
}
