import { describe, expect, test } from 'vitest';
import { tokenClashes } from '../../src/integrations/pagefind.ts';
import { prepareForIndex } from '../../src/lib/search-index.ts';

const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body><article data-pagefind-body>${body}</article></body></html>`;
const bodyOf = (html: string) => /<article data-pagefind-body="?"?>([\s\S]*)<\/article>/.exec(html)?.[1] ?? html;
const prepared = (body: string) => bodyOf(prepareForIndex(page(body)));

describe('what the index gets beside a mention', () => {
  test('every mention carries the search term of its entity, whatever its spelling', () => {
    expect(prepared('<p><a class="mention" href="/entities/kinmen/">Quemoy</a> and <a class="mention" href="/reader/entities/kinmen/">Quemoy</a></p>')).toBe(
      '<p><a class="mention" href="/entities/kinmen/">Quemoy zqkinmenqz</a> and <a class="mention" href="/reader/entities/kinmen/">Quemoy zqkinmenqz</a></p>',
    );
  });

  test('a description carries the terms of every entity inside it', () => {
    expect(prepared('<p><a class="mention" data-entity="rb57" data-entities="rb57 beijing" href="/x/">shot down near Peking</a></p>')).toContain(
      'shot down near Peking zqrb57qz zqbeijingqz</a>',
    );
  });

  test('the mention markup itself is left as it is', () => {
    const html = '<p><a class="mention" href="/entities/x/">words</a></p>';
    expect(prepared(html)).toContain('<a class="mention" href="/entities/x/">');
  });
});

describe('the facets of a page', () => {
  const facets = new Map([
    ['kinmen', { filter: 'place', value: 'Kinmen' }],
    ['mao-zedong', { filter: 'person', value: 'Mao Zedong' }],
  ]);
  test('the people and places its paragraphs mention, once each; not those of its notes', () => {
    const html = prepareForIndex(
      page(
        '<p class="para" id="p1"><a class="mention" href="/entities/kinmen/">Quemoy</a>, <a class="mention" href="/entities/kinmen/">Jinmen</a><span class="sidenote" role="doc-footnote"><a class="mention" href="/entities/mao-zedong/">Mao</a></span></p>',
      ),
      { facets },
    );
    expect(html.match(/data-pagefind-filter/g)).toHaveLength(1);
    expect(html).toContain('<meta data-pagefind-filter="place[content]" content="Kinmen">');
  });
  test('an entity without a facet adds none', () => {
    const html = prepareForIndex(page('<p class="para" id="p1"><a class="mention" href="/entities/other/">x</a></p>'), { facets });
    expect(html).not.toContain('data-pagefind-filter');
  });
});

describe('what Pagefind keeps of a page', () => {
  test('a paragraph anchor becomes an empty marker, so its text is not stored twice', () => {
    expect(prepared('<p id="p10" class="para" data-pagefind-title="¶ 10">In 1958 the islands.</p>')).toBe(
      '<p class="para"><span id="p10" data-pagefind-title="¶ 10"></span>In 1958 the islands.</p>',
    );
  });

  test('ids that make no deep link are dropped; headings keep theirs', () => {
    expect(prepared('<h2 id="introduction">Introduction</h2><span id="fn-x" class="sidenote">x</span>')).toBe(
      '<h2 id="introduction">Introduction</h2><span class="sidenote">x</span>',
    );
  });

  test('a label and its value are kept apart', () => {
    expect(prepared('<dl><div><dt>Born</dt><dd>14 November 1889</dd></div><div><dt>Note:</dt><dd>x</dd></div></dl>')).toBe(
      '<dl><div><dt>Born: </dt><dd>14 November 1889</dd></div><div><dt>Note:</dt><dd>x</dd></div></dl>',
    );
  });

  test('a note is numbered once, whether its reference is a link or a link in a superscript', () => {
    const note =
      '<a class="note-ref" href="#fn-a" id="fnref-a" role="doc-noteref">16</a><span class="sidenote" id="fn-a" role="doc-footnote"><span class="sidenote-number">16</span> The crisis.</span>';
    expect(prepared(`<p>Taiwan${note}. Then</p>`)).toBe(
      '<p>Taiwan<span class="sidenote" role="doc-footnote"><span class="sidenote-number"> (Note 16:</span> The crisis.)</span>. Then</p>',
    );
  });

  test('a note is numbered once and set off in brackets', () => {
    const note =
      '<sup class="note-ref"><a href="#fn-a" id="fnref-a" role="doc-noteref">12</a></sup><span class="sidenote" id="fn-a" role="doc-footnote"><span class="sidenote-number">12</span> <span class="sidenote-para">The crisis.</span></span>';
    expect(prepared(`<p>Taiwan${note}. Then</p>`)).toBe(
      '<p>Taiwan<span class="sidenote" role="doc-footnote"><span class="sidenote-number"> (Note 12:</span> <span class="sidenote-para">The crisis.</span>)</span>. Then</p>',
    );
  });
});

describe('entity ids', () => {
  test('two ids that differ only in hyphens would share a term: named, so the build can stop', () => {
    expect(tokenClashes(['mao-zedong', 'kinmen', 'maoze-dong'])).toEqual(['"mao-zedong" and "maoze-dong"']);
    expect(tokenClashes(['mao-zedong', 'kinmen'])).toEqual([]);
  });
});
