import { describe, expect, test } from 'vitest';
import { checkSite, fileOf, formatProblem, parsePage, urlPathOf } from '../site-links.ts';

const layout = { origin: 'https://edition.example', base: '/' };

/** A site from file names and their HTML; other files (styles, images) by name only. */
function site(pages: Record<string, string>, assets: string[] = []) {
  const parsed = new Map(Object.entries(pages).map(([file, html]) => [file, parsePage(html)]));
  return { files: new Set([...Object.keys(pages), ...assets]), pages: parsed };
}

function problems(pages: Record<string, string>, assets: string[] = [], options: { base?: string; anywhere?: string[] } = {}) {
  const { files, pages: parsed } = site(pages, assets);
  const report = checkSite(files, parsed, { ...layout, base: options.base ?? '/' }, new Set(options.anywhere ?? []));
  return report.problems.map(formatProblem);
}

describe('parsePage', () => {
  test('collects ids, named anchors, and the URLs of links and resources with their lines', () => {
    const page = parsePage(
      '<!doctype html><html><head><link rel="stylesheet" href="/a.css"><link rel="canonical" href="https://edition.example/x/"></head>\n<body><p id="p1"><a href="#p1">¶ 1</a><a name="old"></a>\n<img src="m.png" srcset="m.png 1x, m2.png 2x" alt=""></p></body></html>',
    );
    expect([...page.ids]).toEqual(['p1', 'old']);
    expect(page.links.map(({ url, source, resource, line }) => `${line} ${source} ${url} ${resource}`)).toEqual([
      '1 link[href] /a.css true',
      '1 link[href] https://edition.example/x/ false',
      '2 a[href] #p1 false',
      '3 img[src] m.png true',
      '3 img[srcset] m.png true',
      '3 img[srcset] m2.png true',
    ]);
  });
});

describe('URL paths and files', () => {
  test('a folder’s index.html answers at the folder', () => {
    expect(urlPathOf('index.html', '/reader/')).toBe('/reader/');
    expect(urlPathOf('documents/a/index.html', '/reader/')).toBe('/reader/documents/a/');
    expect(urlPathOf('404.html', '/')).toBe('/404.html');
    expect(fileOf('/reader/documents/a/', '/reader/')).toBe('documents/a/index.html');
    expect(fileOf('/reader/_astro/x%20y.css', '/reader/')).toBe('_astro/x y.css');
    expect(fileOf('/documents/a/', '/reader/')).toBeUndefined();
  });
});

describe('checkSite', () => {
  const home = '<a href="documents/a/#p2">¶ 2</a> <a href="/documents/a/">A</a> <link rel="icon" href="/favicon.svg">';
  const documentA = '<p id="p1"><a href="#p1">¶ 1</a></p><p id="p2"><a href="../../">Home</a></p>';

  test('a site whose links all resolve has no problems, and counts what it checked', () => {
    const { files, pages } = site({ 'index.html': home, 'documents/a/index.html': documentA }, ['favicon.svg']);
    const report = checkSite(files, pages, layout);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBe(5);
  });

  test('a missing page, a missing fragment and a missing asset are reported with file and line', () => {
    expect(
      problems({
        'index.html': '<a href="/documents/b/">B</a>\n<a href="/documents/a/#p9">¶ 9</a>\n<img src="/map.png" alt="">',
        'documents/a/index.html': documentA,
      }),
    ).toEqual([
      'index.html:1  a[href]="/documents/b/" leads to /documents/b/, which the site does not have',
      'index.html:2  a[href]="/documents/a/#p9" points at #p9, which documents/a/index.html does not have',
      'index.html:3  img[src]="/map.png" leads to /map.png, which the site does not have',
    ]);
  });

  test('a fragment on the same page must exist there', () => {
    expect(problems({ 'index.html': '<p id="p1"><a href="#p1">ok</a> <a href="#fn-quemoy">1</a></p>' })).toEqual([
      'index.html:1  a[href]="#fn-quemoy" points at #fn-quemoy, which this page does not have',
    ]);
  });

  test('fragments are compared decoded, and a text fragment is not an id', () => {
    expect(problems({ 'index.html': '<p id="ü"><a href="#%C3%BC">ok</a> <a href="#:~:text=Quemoy">text</a> <a href="#">top</a></p>' })).toEqual([]);
  });

  test('under a base path, a root-relative link that forgets the base leaves the site', () => {
    expect(
      problems({ 'index.html': '<a href="/documents/a/">A</a> <a href="/reader/documents/a/">A</a>', 'documents/a/index.html': documentA }, [], {
        base: '/reader/',
      }),
    ).toEqual(['index.html:1  a[href]="/documents/a/" leads outside the site’s base path /reader/']);
  });

  test('links to other origins are listed, not followed; resources from other origins are problems', () => {
    const { files, pages } = site({ 'index.html': '<a href="https://en.wikipedia.org/wiki/Quemoy">W</a> <img src="https://maps.example/q.png" alt="">' });
    const report = checkSite(files, pages, layout);
    expect(report.external.map(({ link }) => link.url)).toEqual(['https://en.wikipedia.org/wiki/Quemoy', 'https://maps.example/q.png']);
    expect(report.problems.map(formatProblem)).toEqual(['index.html:1  img[src]="https://maps.example/q.png" loads a file from another origin']);
  });

  test('an absolute link to the site’s own origin (the canonical link) is checked like a relative one', () => {
    expect(problems({ 'index.html': '<link rel="canonical" href="https://edition.example/gone/">' })).toEqual([
      'index.html:1  link[href]="https://edition.example/gone/" leads to /gone/, which the site does not have',
    ]);
  });

  test('a page served at any address (404) may not use path-relative links', () => {
    expect(problems({ '404.html': '<a href="index.html">Home</a> <a href="/">Home</a>', 'index.html': '' }, [], { anywhere: ['404.html'] })).toEqual([
      '404.html:1  a[href]="index.html" is relative to the page’s address, but this page is served at any address: start it with the base path',
    ]);
  });
});
