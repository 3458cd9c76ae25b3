import { describe, expect, test } from 'vitest';
import { gzipSize, loadedOnArrival, weighPage } from '../page-weight.ts';

const page = `<!doctype html><html><head>
<link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg"><link rel="modulepreload" href="/_astro/m.js">
<script type="module" src="/_astro/m.js"></script><script>window.x = 1;</script><script type="application/ld+json">{"@type":"Manuscript"}</script>
</head><body><p>Text</p></body></html>`;

describe('loadedOnArrival', () => {
  test('stylesheets, script files once each, and inline code; not icons or data', () => {
    expect(loadedOnArrival(page)).toEqual({
      stylesheets: ['/_astro/a.css'],
      scripts: ['/_astro/m.js'],
      inlineScripts: ['window.x = 1;'],
    });
  });

  test('a page without scripts runs none', () => {
    expect(loadedOnArrival('<link rel="stylesheet" href="s.css"><p>Reading.</p>').scripts).toEqual([]);
  });
});

describe('weighPage', () => {
  const files: Record<string, string> = { '/_astro/a.css': 'p { margin: 0 }'.repeat(20), '/_astro/m.js': 'export const m = 1;' };
  const read = (url: URL) => {
    const text = files[url.pathname];
    if (text === undefined) throw new Error(`no ${url.pathname}`);
    return Buffer.from(text);
  };

  test('sums the gzip bytes of the page and what it loads, counting inline code once', () => {
    const weight = weighPage('https://edition.example/documents/a/', Buffer.from(page), read);
    expect(weight.html).toBe(gzipSize(page));
    expect(weight.css).toBe(gzipSize(files['/_astro/a.css'] ?? ''));
    expect(weight.js).toBe(gzipSize('export const m = 1;') + gzipSize('window.x = 1;'));
    expect(weight.total).toBe(weight.html + weight.css + gzipSize('export const m = 1;'));
    expect(weight.assets.map((asset) => `${asset.kind} ${asset.url}`)).toEqual([
      'html https://edition.example/documents/a/',
      'css /_astro/a.css',
      'js /_astro/m.js',
      'js inline',
    ]);
  });

  test('a file the page links but the site lacks is an error, not zero bytes', () => {
    expect(() => weighPage('https://edition.example/', Buffer.from('<link rel="stylesheet" href="/gone.css">'), read)).toThrow('no /gone.css');
  });

  test('gzip sizes are repeatable', () => {
    expect(gzipSize(page)).toBe(gzipSize(page));
    expect(gzipSize('a'.repeat(1000))).toBeLessThan(100);
  });
});

describe('modules a page imports', async () => {
  const { withStaticImports } = await import('../page-weight.ts');
  test('static imports count, each once; dynamic ones do not', () => {
    const files: Record<string, string> = {
      '/a.js': 'import{t}from"./b.js";import "./c.js";const x=()=>import("./lazy.js");',
      '/b.js': 'import"./c.js";export const t=1;',
      '/c.js': 'console.log(1)',
    };
    const loaded = withStaticImports(['/a.js'], 'https://site.test/page/', (url) => new TextEncoder().encode(files[url.pathname] ?? ''));
    expect(loaded.map((item) => item.url)).toEqual(['/a.js', '/b.js', '/c.js']);
  });
});
