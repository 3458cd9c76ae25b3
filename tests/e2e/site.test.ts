/**
 * The built site as files, every page of it: links and #fragments resolve (¶ anchors, notes,
 * assets, the canonical link), every published anchor is on its page, the
 * Content-Security-Policy comes before anything the page loads and matches _headers, no inline
 * code or style, and the page's outline (landmarks, headings) is in order.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { headerOnlyDirectives, parsePolicy, serializePolicy, weakSources } from '../../src/lib/csp.ts';
import { headerValues, parseHeadersFile } from '../../src/lib/headers-file.ts';
import { checkSite, formatProblem, urlPathOf } from '../../tools/site-links.ts';
import { readBuiltSite, siteLayout } from '../../tools/built-site.ts';

const site = readBuiltSite('dist');
const layout = siteLayout();
const pageFiles = [...site.pages.keys()];
const trees = new Map(
  pageFiles.map((file) => [
    file,
    unified()
      .use(rehypeParse)
      .parse(site.pages.get(file)?.html ?? '') as Root,
  ]),
);
const tree = (file: string): Root => trees.get(file) ?? { type: 'root', children: [] };

describe('links', () => {
  const report = checkSite(site.files, new Map([...site.pages].map(([file, page]) => [file, page.parsed])), layout, new Set(['404.html']));

  test('every internal link and #fragment on every page resolves', () => {
    expect(pageFiles.length).toBeGreaterThanOrEqual(3);
    expect(report.problems.map(formatProblem)).toEqual([]);
  });

  test('the check covers every ¶ number, note reference and note link of the reading page', () => {
    const file = 'documents/antonov-mao-1959-10-14/index.html';
    const fragments = site.pages.get(file)?.parsed.links.filter((link) => link.url.startsWith('#')) ?? [];
    const paragraphs = selectAll('.para', tree(file)).length;
    const notes = selectAll('.sidenote', tree(file)).length;
    // A number per paragraph, and per note its reference and its close link.
    expect(paragraphs).toBeGreaterThan(30);
    expect(notes).toBeGreaterThan(30);
    expect(fragments.length).toBeGreaterThanOrEqual(paragraphs + 2 * notes);
    expect(report.checked).toBeGreaterThanOrEqual(fragments.length);
  });

  test('every published anchor of the lock is an id on its document’s page', () => {
    const lock = JSON.parse(readFileSync('content/anchors.lock.json', 'utf8')) as Record<string, Record<string, unknown>>;
    const missing = Object.entries(lock).flatMap(([slug, anchors]) => {
      const page = site.pages.get(`documents/${slug}/index.html`);
      if (page === undefined) return [`documents/${slug}/ was not built`];
      return Object.keys(anchors)
        .filter((id) => !page.parsed.ids.has(id))
        .map((id) => `${slug}#${id}`);
    });
    expect(Object.keys(lock).length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  test('every link to another origin is an ordinary link, not something the page loads', () => {
    expect(report.external.filter(({ link }) => link.resource)).toEqual([]);
    expect(report.external.every(({ link }) => link.source === 'a[href]')).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  const headerRules = parseHeadersFile(readFileSync('dist/_headers', 'utf8'));

  test.each(pageFiles)('%s: the policy comes first in <head>, and it is strict', (file) => {
    const head = select('head', tree(file));
    const elements = (head?.children ?? []).filter((node): node is Element => node.type === 'element');
    const policies = selectAll('meta[http-equiv="content-security-policy" i]', tree(file));
    expect(policies).toHaveLength(1);
    // Only the charset may stand before it: the policy covers what is loaded after it.
    expect(elements.map((element) => element.tagName).slice(0, 2)).toEqual(['meta', 'meta']);
    expect(elements[0]?.properties['charSet']).toBe('utf-8');
    expect(elements[1]).toBe(policies[0]);

    const policy = parsePolicy(String(policies[0]?.properties['content']));
    expect(weakSources(policy)).toEqual([]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    for (const directive of headerOnlyDirectives) expect(policy.has(directive), directive).toBe(false);
    // WebAssembly may be compiled only on a page that runs Pagefind: every page with a search
    // box (the header's loads Pagefind when first used), and no other.
    const runsPagefind = select('#site-search, #search-form', tree(file)) !== undefined;
    expect(policy.get('script-src')?.includes("'wasm-unsafe-eval'")).toBe(runsPagefind);
  });

  test.each(pageFiles)('%s: no inline code or style, and any inline script allowed by its hash', (file) => {
    const page = tree(file);
    const policy = parsePolicy(String(select('meta[http-equiv="content-security-policy" i]', page)?.properties['content']));
    const inline = selectAll('script:not([src])', page).filter((script) => !/json/.test(String(script.properties['type'] ?? '')));
    for (const script of inline) {
      const code = script.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      const hash = createHash('sha256').update(code).digest('base64');
      expect(policy.get('script-src'), 'an inline script needs its hash in script-src').toContain(`'sha256-${hash}'`);
    }
    expect(selectAll('style, [style]', page).map((element) => element.tagName)).toEqual([]);
    const handlers = selectAll('*', page).flatMap((element) =>
      Object.keys(element.properties)
        .filter((name) => /^on[A-Z]/.test(name))
        .map((name) => `<${element.tagName} ${name}>`),
    );
    expect(handlers).toEqual([]);
    const scriptUrls = selectAll('[href], [src], [action]', page)
      .map((element) => String(element.properties['href'] ?? element.properties['src'] ?? element.properties['action']))
      .filter((url) => /^\s*javascript:/i.test(url));
    expect(scriptUrls).toEqual([]);
  });

  test.each(pageFiles)('%s: _headers sends the same policy, with what only a header can add', (file) => {
    const meta = String(select('meta[http-equiv="content-security-policy" i]', tree(file))?.properties['content']);
    // The file's paths are site paths, below the base path the site was built for.
    const path = urlPathOf(file, layout.base);
    const sent = headerValues(headerRules, path, 'content-security-policy');
    // Hosts send every matching rule's value: two policies would both apply.
    expect(sent).toHaveLength(1);
    const header = parsePolicy(sent[0] ?? '');
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    for (const directive of headerOnlyDirectives) header.delete(directive);
    // The meta policy may list the digests of the page's inline data blocks (JSON-LD), which
    // browsers never run and the header need not allow; the W3C checker looks for them.
    const pagePolicy = parsePolicy(meta);
    const scripts = pagePolicy.get('script-src') ?? [];
    pagePolicy.set(
      'script-src',
      scripts.filter((source) => !source.startsWith("'sha256-")),
    );
    expect(serializePolicy(header)).toBe(serializePolicy(pagePolicy));
  });

  test('_headers also sends the usual protections', () => {
    const headers = new Map(headerRules.flatMap((rule) => rule.headers).map(([name, value]) => [name.toLowerCase(), value]));
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});

describe('outline', () => {
  test.each(pageFiles)('%s: a banner, one main and a contentinfo; the skip link comes first and leads to main', (file) => {
    const page = tree(file);
    const body = select('body', page);
    const top = (body?.children ?? []).filter((node): node is Element => node.type === 'element' && node.tagName !== 'script');
    expect(top.map((element) => element.tagName)).toEqual(['a', 'header', 'main', 'footer']);
    expect(selectAll('main, [role="main"]', page)).toHaveLength(1);
    const [skip] = top;
    expect(skip?.properties['className']).toContain('skip-link');
    expect(skip?.properties['href']).toBe(`#${select('main', page)?.properties['id']}`);
  });

  test.each(pageFiles)('%s: one h1, and heading levels never skip on the way down', (file) => {
    const levels = selectAll('h1, h2, h3, h4, h5, h6', tree(file)).map((heading) => Number(heading.tagName[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    const skips = levels.flatMap((level, index) => (index > 0 && level > (levels[index - 1] ?? 1) + 1 ? [`h${levels[index - 1]} → h${level}`] : []));
    expect(skips).toEqual([]);
  });
});
