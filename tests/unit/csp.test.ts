import { describe, expect, test } from 'vitest';
import { headerOnlyDirectives, headerPolicy, metaPolicy, parsePolicy, serializePolicy, weakSources } from '../../src/lib/csp.ts';
import { headerValues, matchesPattern, parseHeadersFile } from '../../src/lib/headers-file.ts';

describe('the Content-Security-Policy', () => {
  test('allows files from this origin only: no inline code, no eval, nothing from elsewhere', () => {
    const directives = parsePolicy(metaPolicy());
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(weakSources(directives)).toEqual([]);
  });

  test('WebAssembly only where asked for, and inline scripts only by hash', () => {
    expect(parsePolicy(metaPolicy({ wasm: true })).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(parsePolicy(metaPolicy({ scriptHashes: ['abc='] })).get('script-src')).toEqual(["'self'", "'sha256-abc='"]);
  });

  test('the meta policy leaves out what only a header can carry; the header adds frame-ancestors', () => {
    const meta = parsePolicy(metaPolicy());
    for (const directive of headerOnlyDirectives) expect(meta.has(directive)).toBe(false);
    const header = parsePolicy(headerPolicy());
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    header.delete('frame-ancestors');
    expect(serializePolicy(header)).toBe(metaPolicy());
  });

  test('weak sources are named with their directive', () => {
    expect(weakSources(parsePolicy("script-src 'self' 'unsafe-inline'; img-src * data:"))).toEqual([
      "script-src 'unsafe-inline'",
      'img-src *',
      'img-src data:',
    ]);
  });
});

describe('the _headers file format', () => {
  const file = `# comment
/*
  X-Frame-Options: DENY
  Content-Security-Policy: default-src 'none'

/documents/:slug/
  Cache-Control: max-age=60
`;

  test('reads paths and their headers', () => {
    expect(parseHeadersFile(file)).toEqual([
      {
        pattern: '/*',
        line: 2,
        headers: [
          ['X-Frame-Options', 'DENY'],
          ['Content-Security-Policy', "default-src 'none'"],
        ],
      },
      { pattern: '/documents/:slug/', line: 6, headers: [['Cache-Control', 'max-age=60']] },
    ]);
  });

  test('a header line before any path is an error', () => {
    expect(() => parseHeadersFile('  X-Frame-Options: DENY\n')).toThrow('line 1');
  });

  test('patterns: * matches anything, :name one segment', () => {
    expect(matchesPattern('/*', '/documents/a/')).toBe(true);
    expect(matchesPattern('/documents/:slug/', '/documents/a/')).toBe(true);
    expect(matchesPattern('/documents/:slug/', '/documents/a/b/')).toBe(false);
    expect(matchesPattern('/a.b', '/aXb')).toBe(false);
  });

  test('every matching rule contributes its values, names in any case', () => {
    const rules = parseHeadersFile(file);
    expect(headerValues(rules, '/documents/a/', 'cache-control')).toEqual(['max-age=60']);
    expect(headerValues(rules, '/', 'content-security-policy')).toEqual(["default-src 'none'"]);
  });
});
