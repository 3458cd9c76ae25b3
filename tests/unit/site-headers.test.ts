/**
 * The `_headers` file the build writes: what a host that reads it sends with each path of the
 * site, at the root and below a base path, and what the format cannot hold.
 */
import { describe, expect, test } from 'vitest';
import { headerOnlyDirectives, metaPolicy, parsePolicy, serializePolicy, sitePolicy, weakSources } from '../../src/lib/csp.ts';
import { formatHeadersFile, headerValues, parseHeadersFile } from '../../src/lib/headers-file.ts';
import { basePrefix, siteHeadersFile } from '../../src/lib/site-headers.ts';

const pages = ['', 'documents/antonov-mao-1959-10-14/', 'entities/mao-zedong/', 'search/', 'map/', '404.html'];

describe.each(['/', '/reader/'])('built for %s', (base) => {
  const rules = parseHeadersFile(siteHeadersFile({ base }));
  const sent = (path: string, name: string) => headerValues(rules, `${base}${path}`, name);

  test('every page gets one policy: the meta tag’s, with what only a header can add', () => {
    for (const page of pages) {
      const policies = sent(page, 'content-security-policy');
      expect(policies, page).toHaveLength(1);
      const header = parsePolicy(policies[0] ?? '');
      expect(weakSources(header), page).toEqual([]);
      expect(header.get('frame-ancestors'), page).toEqual(["'none'"]);
      for (const directive of headerOnlyDirectives) header.delete(directive);
      expect(serializePolicy(header), page).toBe(metaPolicy(sitePolicy));
    }
    // Pagefind's search runs on every page: WebAssembly may be compiled, scripts not evaluated.
    expect(sent('', 'content-security-policy')[0]).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  test('every file gets the protective headers, once', () => {
    for (const path of [...pages, 'pagefind/pagefind.js', 'favicon.svg']) {
      expect(sent(path, 'x-content-type-options'), path).toEqual(['nosniff']);
      expect(sent(path, 'x-frame-options'), path).toEqual(['DENY']);
      expect(sent(path, 'referrer-policy'), path).toEqual(['strict-origin-when-cross-origin']);
    }
  });

  test('only the files named by their content are cached for good', () => {
    expect(sent('_astro/edition.Bx3f9a.css', 'cache-control')).toEqual(['public, max-age=31536000, immutable']);
    for (const path of [...pages, 'pagefind/pagefind-entry.json', 'search/names/m.json']) expect(sent(path, 'cache-control'), path).toEqual([]);
  });
});

test('below a base path, the rules name the site paths there, and nothing outside it', () => {
  const rules = parseHeadersFile(siteHeadersFile({ base: '/reader/' }));
  expect(rules.map((rule) => rule.pattern)).toEqual(['/reader/*', '/reader/*', '/reader/_astro/*']);
  expect(headerValues(rules, '/documents/antonov-mao-1959-10-14/', 'content-security-policy')).toEqual([]);
  expect(headerValues(rules, '/_astro/edition.css', 'cache-control')).toEqual([]);
});

test('the folder of built files is the one the build uses', () => {
  const rules = parseHeadersFile(siteHeadersFile({ base: '/reader/', assets: 'static' }));
  expect(headerValues(rules, '/reader/static/a.js', 'cache-control')).toEqual(['public, max-age=31536000, immutable']);
  expect(headerValues(rules, '/reader/_astro/a.js', 'cache-control')).toEqual([]);
});

test('a base path is read as Astro and the environment may give it', () => {
  expect(basePrefix('/')).toBe('/');
  expect(basePrefix('')).toBe('/');
  expect(basePrefix('/reader')).toBe('/reader/');
  expect(basePrefix('archive/1949-1969/')).toBe('/archive/1949-1969/');
  expect(() => basePrefix('/a*b/')).toThrow('cannot be written in _headers');
  expect(() => basePrefix('/:slug/')).toThrow('BASE_PATH=/reader/');
});

describe('writing the _headers format', () => {
  test('what is written reads back as it was given, comments left out', () => {
    const text = formatHeadersFile(
      [
        { comment: ['Why this rule.'], pattern: '/*', headers: [['X-Frame-Options', 'DENY']] },
        { pattern: '/documents/:slug/', headers: [['Cache-Control', 'max-age=60']] },
      ],
      ['A preamble,', '', 'over three lines.'],
    );
    expect(text).toBe(
      '# A preamble,\n#\n# over three lines.\n\n# Why this rule.\n/*\n  X-Frame-Options: DENY\n\n/documents/:slug/\n  Cache-Control: max-age=60\n',
    );
    expect(parseHeadersFile(text).map((rule) => [rule.pattern, rule.headers])).toEqual([
      ['/*', [['X-Frame-Options', 'DENY']]],
      ['/documents/:slug/', [['Cache-Control', 'max-age=60']]],
    ]);
  });

  test('what hosts would misread is refused, naming it', () => {
    expect(() => formatHeadersFile([{ pattern: 'documents/*', headers: [] }])).toThrow('"documents/*" must be a site path');
    expect(() => formatHeadersFile([{ pattern: '/a b/*', headers: [] }])).toThrow('without spaces');
    expect(() => formatHeadersFile([{ pattern: '/*', headers: [['X Frame', 'DENY']] }])).toThrow('"X Frame" (under /*) is not a header name');
    expect(() => formatHeadersFile([{ pattern: '/*', headers: [['X-Frame-Options', 'DENY\n/evil/*']] }])).toThrow('must be one line');
  });
});
