/**
 * The model of Zotero's Embedded Metadata translator (tests/helpers/zotero-embedded-metadata.ts)
 * on small pages that take the code paths the issue with Zotero turned on: the model must be as
 * unkind as the translator, or a test against it proves nothing.
 */
import { describe, expect, test } from 'vitest';
import { cleanAuthor, zoteroItem } from '../helpers/zotero-embedded-metadata.ts';

const page = (head: string) => `<!doctype html><html lang="en"><head><title>T</title>${head}</head><body></body></html>`;
const at = 'https://archive.test/documents/a/';

describe('creators', () => {
  test('Highwire authors replace every other creator: a translator beside citation_author is lost', () => {
    const item = zoteroItem(
      page(
        '<meta name="z:itemType" content="manuscript"><meta name="citation_author" content="Antonov, S. F."><meta name="z:translators" content="Doctoroff, Mark H.">',
      ),
      at,
    );
    expect(item.creators).toEqual([{ lastName: 'Antonov', firstName: 'S. F.', creatorType: 'author' }]);
  });

  test('without Highwire authors, DC.creator is the author and z:translators the translator', () => {
    const item = zoteroItem(
      page(
        '<meta name="z:itemType" content="manuscript"><meta name="DC.creator" content="Antonov, S. F."><meta name="z:translators" content="Doctoroff, Mark H.">',
      ),
      at,
    );
    expect(item.creators).toEqual([
      { lastName: 'Antonov', firstName: 'S. F.', creatorType: 'author' },
      { lastName: 'Doctoroff', firstName: 'Mark H.', creatorType: 'translator' },
    ]);
  });

  test('DC.contributor is read, as an author, only when DC.creator is absent', () => {
    const both = zoteroItem(
      page('<meta name="z:itemType" content="manuscript"><meta name="DC.creator" content="A, B"><meta name="DC.contributor" content="C, D">'),
      at,
    );
    expect(both.creators.map((creator) => creator.lastName)).toEqual(['A']);
    const alone = zoteroItem(page('<meta name="z:itemType" content="manuscript"><meta name="DC.contributor" content="C, D">'), at);
    expect(alone.creators).toEqual([{ lastName: 'C', firstName: 'D.', creatorType: 'author' }]);
  });

  test('cleanAuthor restores the full stops of initials, as Zotero’s does', () => {
    expect(cleanAuthor('Antonov, S. F.', 'author', true)).toEqual({ lastName: 'Antonov', firstName: 'S. F.', creatorType: 'author' });
    expect(cleanAuthor('Antonov, S.F.', 'author', true)).toEqual({ lastName: 'Antonov', firstName: 'S. F.', creatorType: 'author' });
    expect(cleanAuthor('Mark H. Doctoroff', 'translator', false)).toEqual({ lastName: 'Doctoroff', firstName: 'Mark H.', creatorType: 'translator' });
  });
});

describe('fields', () => {
  test('DC.source becomes a publication title, which a manuscript does not keep', () => {
    const item = zoteroItem(page('<meta name="z:itemType" content="manuscript"><meta name="DC.source" content="Archive, fond 5">'), at);
    expect(item['publicationTitle']).toBeUndefined();
  });

  test('a manuscript keeps no series: citation_series_title is dropped', () => {
    const item = zoteroItem(page('<meta name="z:itemType" content="manuscript"><meta name="citation_series_title" content="CWIHP">'), at);
    expect(item['series']).toBeUndefined();
  });

  test('z: tags are copied into their fields as they are, Extra with its lines', () => {
    const item = zoteroItem(
      page(
        '<meta name="z:itemType" content="manuscript"><meta name="z:archive" content="SCCD"><meta name="z:extra" content="Original Date: 1959-10-14&#10;Collection Title: CWIHP">',
      ),
      at,
    );
    expect(item['archive']).toBe('SCCD');
    expect(item['extra']).toBe('Original Date: 1959-10-14\nCollection Title: CWIHP');
  });

  test('a relative address is resolved against the page Zotero opened', () => {
    const item = zoteroItem(
      page('<meta name="z:itemType" content="manuscript"><meta name="citation_public_url" content="/documents/a/">'),
      'http://127.0.0.1:8080/documents/a/#p3',
    );
    expect(item['url']).toBe('http://127.0.0.1:8080/documents/a/');
  });

  test('a page the model does not follow is refused, not guessed at', () => {
    expect(() => zoteroItem(page('<meta name="citation_journal_title" content="J">'), at)).toThrow(/not modelled/);
    expect(() => zoteroItem(page('<meta name="citation_title" content="T">'), at)).toThrow(/only manuscripts/);
  });
});
