/**
 * Citations: the CSL item built from the frontmatter, the official styles, and the exports,
 * which must parse back with Citation.js to the same metadata.
 */
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { Cite, plugins } from '@citation-js/core';
import { describe, expect, test } from 'vitest';
import { archiveLocation, type CslItem, cslItem, cslName, documentUrl, exportNote, type Pinpoint, pinpoint } from '../../src/lib/citation-item.ts';
import {
  bibliographyEntryHtml,
  citationSet,
  paragraphStyleCitations,
  pinpointedCitations,
  plainTextOf,
  toBibtex,
  toCslJson,
  toRis,
} from '../../src/content/citations.ts';
import { paragraphDirectives } from '../helpers/directives.ts';
import { fixMlaLocatorSpace, loadStyles, styleInfo } from '../../src/content/csl-styles.ts';
import { documentSchema } from '../../src/schemas/document.ts';

const markdown = readFileSync('content/documents/antonov-mao-1959-10-14.md', 'utf8');
const data = documentSchema.parse(parseFrontmatter(markdown).frontmatter);
const address = documentUrl('https://example.org', '/', data.slug);
const documentItem = cslItem(data, address);

describe('the record as a CSL item', () => {
  test('names: the last word is the family name unless the frontmatter says otherwise', () => {
    expect(cslName({ name: 'S. F. Antonov' })).toEqual({ family: 'Antonov', given: 'S. F.' });
    expect(cslName({ name: 'Odd Arne Westad' })).toEqual({ family: 'Westad', given: 'Odd Arne' });
    expect(cslName({ name: 'Mao Zedong', familyName: 'Mao' })).toEqual({ family: 'Mao', given: 'Zedong' });
  });

  test('the archival reference reads as the source gives it', () => {
    expect(archiveLocation(data.archive)).toBe('fond 5, opis 49, delo 235, listy 89–96');
  });

  test('addresses follow the base path', () => {
    expect(documentUrl('https://example.org', '/reader/', 'a')).toBe('https://example.org/reader/documents/a/');
    expect(documentUrl('https://example.org', '/reader', 'a')).toBe('https://example.org/reader/documents/a/');
  });

  test('pinpoints: document paragraphs by number, the introduction’s marked as such', () => {
    expect(pinpoint('p12')).toEqual({ id: 'p12', label: '¶ 12', locator: '12', locatorLabel: 'paragraph' });
    expect(pinpoint('p12a')?.locator).toBe('12a');
    expect(pinpoint('intro-3')).toEqual({ id: 'intro-3', label: 'Intro ¶ 3', locator: '3 (introduction)', locatorLabel: 'paragraph' });
    expect(pinpoint('document')).toBeUndefined();
  });

  test('the item carries author, title, date, archive, translator, project, publisher and address', () => {
    expect(documentItem).toEqual({
      id: 'antonov-mao-1959-10-14',
      type: 'manuscript',
      title: 'A Conversation with Mao, 1959',
      genre: 'Summary of a conversation (journal entry)',
      author: [{ family: 'Antonov', given: 'S. F.' }],
      translator: [{ family: 'Doctoroff', given: 'Mark H.' }],
      issued: { 'date-parts': [[1959, 10, 21]] },
      archive: 'Storage Center for Contemporary Documentation (SCCD)',
      'archive-place': 'Moscow',
      archive_location: 'fond 5, opis 49, delo 235, listy 89–96',
      'collection-title': 'Cold War International History Project',
      publisher: 'Woodrow Wilson International Center for Scholars',
      URL: 'https://example.org/documents/antonov-mao-1959-10-14/',
    });
  });

  test('a paragraph’s item has its own id and its permanent link', () => {
    const item = cslItem(data, address, 'p12');
    expect(item.id).toBe('antonov-mao-1959-10-14-p12');
    expect(item.URL).toBe('https://example.org/documents/antonov-mao-1959-10-14/#p12');
  });

  test('the reported print source stays out of the machine metadata', () => {
    expect(data.reportedPrintSource).toContain('Bulletin');
    expect(JSON.stringify(citationSet(documentItem))).not.toContain('Bulletin');
  });
});

describe('the official CSL styles', () => {
  const styles = loadStyles();
  test.each([
    ['chicago-note-bibliography', 'http://www.zotero.org/styles/chicago-note-bibliography', 'Chicago Manual of Style 17th edition (note)'],
    ['chicago-fullnote-bibliography', 'http://www.zotero.org/styles/chicago-fullnote-bibliography', 'Chicago Manual of Style 17th edition (full note)'],
    ['modern-language-association', 'http://www.zotero.org/styles/modern-language-association', 'Modern Language Association 9th edition'],
  ])('%s is the official style', (name, id, title) => {
    const style = styles.find((candidate) => candidate.id === name);
    expect(style, `${name} must be loaded`).toBeDefined();
    expect(styleInfo(style?.xml ?? '')).toEqual({ id, title });
    expect(style?.xml).toContain('creativecommons.org/licenses/by-sa/3.0/');
  });

  test('the MLA spacing fix changes one group, and only that', () => {
    const group = '<group><label variable="locator" form="short"/><text variable="locator"/></group>';
    expect(fixMlaLocatorSpace(`<a/>${group}<b/>`)).toBe(
      '<a/><group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group><b/>',
    );
    expect(fixMlaLocatorSpace('<a/>')).toBe('<a/>');
  });

  test('a bibliography entry is taken out of Citation.js’s wrapper, and a missing one is an error', () => {
    expect(bibliographyEntryHtml('<div class="csl-bib-body">\n  <div data-csl-entry-id="x" class="csl-entry">A <i>B</i>.</div>\n</div>')).toBe('A <i>B</i>.');
    expect(() => bibliographyEntryHtml('<div></div>')).toThrow(/no bibliography entry/);
  });
});

describe('citations of the document and of a paragraph', () => {
  const whole = citationSet(documentItem);
  const p12 = citationSet(cslItem(data, address, 'p12'), documentItem, pinpoint('p12'));
  const intro3 = citationSet(cslItem(data, address, 'intro-3'), documentItem, pinpoint('intro-3'));

  test('Chicago: full note with the ¶ pinpoint and the paragraph’s link; short note; bibliography', () => {
    expect(p12.chicagoNote.text).toMatch(/^S\. F\. Antonov, “A Conversation with Mao, 1959,” trans\. Mark H\. Doctoroff, /);
    expect(p12.chicagoNote.text).toContain('para. 12, fond 5, opis 49, delo 235, listy 89–96');
    expect(p12.chicagoNote.text).toContain('Storage Center for Contemporary Documentation (SCCD), Moscow');
    expect(p12.chicagoNote.text).toMatch(/https:\/\/example\.org\/documents\/antonov-mao-1959-10-14\/#p12\.$/);
    expect(p12.chicagoShortNote.text).toBe('Antonov, “A Conversation with Mao, 1959,” para. 12.');
    expect(p12.chicagoBibliography.text).toMatch(/^Antonov, S\. F\. “A Conversation with Mao, 1959\.” /);
    expect(p12.chicagoBibliography.text).toContain('Cold War International History Project');
    expect(p12.chicagoBibliography.text).toContain('Woodrow Wilson International Center for Scholars, October 21, 1959');
  });

  test('MLA and APA: the entry for the document, the in-text citation with the paragraph', () => {
    expect(p12.mlaInText.text).toBe('(Antonov, para. 12)');
    expect(p12.mlaWorksCited.html).toContain('<i>A Conversation with Mao, 1959</i>');
    expect(p12.mlaWorksCited.text).toContain('Translated by Mark H. Doctoroff');
    expect(p12.apaInText.text).toBe('(Antonov, 1959, para. 12)');
    expect(p12.apaReference.text).toMatch(/^Antonov, S\. F\. \(1959\)\. A Conversation with Mao, 1959 \(M\. H\. Doctoroff, Trans\.\)/);
    expect(whole.apaInText.text).toBe('(Antonov, 1959)');
  });

  test('an introduction paragraph is cited as such, beside its number', () => {
    expect(intro3.chicagoShortNote.text).toBe('Antonov, “A Conversation with Mao, 1959,” para. 3 (introduction).');
    expect(intro3.apaInText.text).toBe('(Antonov, 1959, para. 3 (introduction))');
    expect(intro3.chicagoNote.text).toContain('#intro-3.');
  });

  test('the exports of a paragraph carry its pinpoint and link', () => {
    expect(p12.bibtex).toContain('url = {https://example.org/documents/antonov-mao-1959-10-14/#p12}');
    expect(p12.bibtex).toMatch(/^@unpublished\{antonov_mao_1959_10_14_p12,/);
    expect(p12.ris).toContain(
      'N1  - Original: Storage Center for Contemporary Documentation (SCCD), Moscow, fond 5, opis 49, delo 235, listy 89–96. Translated by Mark H. Doctoroff. Cited at ¶ 12 (paragraph 12).',
    );
    expect(p12.ris.split('\n').every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
  });
});

describe('BibTeX, RIS and CSL-JSON parse back to the same metadata', () => {
  const point = pinpoint('p12');
  const item = cslItem(data, address, 'p12');
  const note = exportNote(item, point);
  const parse = (text: string): CslItem => {
    const [parsed] = new Cite(text).data;
    if (parsed === undefined) throw new Error('nothing parsed');
    return parsed as CslItem;
  };
  const pick = (record: CslItem, fields: string[]) => Object.fromEntries(fields.map((field) => [field, record[field]]));

  test('BibTeX: type, author, title, date, project, publisher, kind, link and the note', () => {
    const parsed = parse(toBibtex(item, point));
    const fields = ['type', 'author', 'title', 'issued', 'collection-title', 'publisher', 'genre', 'URL', 'note'];
    expect(pick(parsed, fields)).toEqual(pick({ ...item, note }, fields));
  });

  test('RIS: type, author, title, date, archive, project, kind, link and the note', () => {
    const parsed = parse(toRis(item, point));
    const fields = ['type', 'author', 'title', 'issued', 'archive', 'collection-title', 'genre', 'URL', 'note'];
    expect(pick(parsed, fields)).toEqual(pick({ ...item, note }, fields));
  });

  test('CSL-JSON: everything', () => {
    const parsed = parse(toCslJson(item, point));
    expect(parsed).toEqual({ ...item, note, 'citation-key': 'antonov_mao_1959_10_14_p12', _graph: expect.anything() });
  });

  test('the note says where the original is, who translated it, and the pinpoint', () => {
    expect(note).toBe(
      'Original: Storage Center for Contemporary Documentation (SCCD), Moscow, fond 5, opis 49, delo 235, listy 89–96. Translated by Mark H. Doctoroff. Cited at ¶ 12 (paragraph 12).',
    );
  });
});

describe('every paragraph’s citations, formatted once per document', () => {
  const item = (id: string) => cslItem(data, address, id);
  const styles = ['chicagoNote', 'chicagoShortNote', 'mlaInText', 'apaInText'] as const;

  test('are exactly what the engine gives for each paragraph of the memorandum, from the template', async () => {
    const points = (await paragraphDirectives(parseFrontmatter(markdown).content)).flatMap(({ id }) => pinpoint(id) ?? []);
    expect(points.length).toBeGreaterThan(30);
    const { citations, fromTemplate } = paragraphStyleCitations(item, points, documentItem);
    // The first paragraph of each form of locator ("12", "3 (introduction)") is checked against
    // the engine; every other one is filled in from the template.
    expect(fromTemplate.filter((filled) => !filled).length).toBeLessThanOrEqual(2);
    expect(fromTemplate.filter(Boolean).length).toBeGreaterThan(30);
    points.forEach((point, index) => {
      const engine = pinpointedCitations(item(point.id), point);
      for (const style of styles) expect(citations[index]?.[style], `${point.id} ${style}`).toEqual(engine[style]);
    });
  });

  test('a locator the template would get wrong is left to the engine', () => {
    // CSL styles join a locator of two numbers into a range ("3-4" becomes "3–4"): the stand-in
    // cannot foresee it, the check against the engine catches it.
    const point = { id: 'p3', label: '¶ 3-4', locator: '3-4', locatorLabel: 'paragraph' as const };
    const again = { ...point, id: 'p5', locator: '5-6' };
    const { citations, fromTemplate } = paragraphStyleCitations(item, [point, again], documentItem);
    expect(fromTemplate).toEqual([false, false]);
    expect(citations[1]?.chicagoShortNote).toEqual(pinpointedCitations(item('p5'), again).chicagoShortNote);
    expect(citations[1]?.chicagoShortNote.text).toContain('5–6');
  });

  test('give each document its own citations and bibliography entries, from the same stand-in, as the engine gives them', () => {
    // Other documents: another title, date, author and address each (with an `&`, which the
    // HTML must escape), the first checked against the engine, the others filled in.
    const others = [1, 2, 3].map((number) => {
      const other = {
        ...data,
        slug: `other-${number}`,
        title: `${data.title}, part ${number}`,
        recordDate: `1960-0${number}-1${number}`,
        author: { name: `A. B. Author${number}` },
      };
      const url = documentUrl('https://example.org', `/a&b-${number}/`, other.slug);
      return { itemOf: (id: string) => cslItem(other, url, id), whole: cslItem(other, url) };
    });
    const results = others.map(({ itemOf, whole }) => ({ whole, ...paragraphStyleCitations(itemOf, [pinpoint('p2') as Pinpoint], whole) }));
    expect(results.filter((result) => result.documentFromTemplate).length).toBeGreaterThanOrEqual(2);
    for (const { whole, document } of results) {
      const { bibtex, ris, cslJson, ...engine } = citationSet(whole);
      expect(document).toEqual(engine);
      expect(document.chicagoBibliography.html).toContain('a&#38;b');
    }
  });
});

describe('plain text taken from the engine’s HTML', () => {
  /** What the engine gives in its own text output: the reference the HTML is read against. */
  const engineText = (style: string, item: CslItem, kind: 'citation' | 'bibliography', point?: ReturnType<typeof pinpoint>) => {
    const engine = plugins.config.get('@csl').engine([item], style, 'en-US', 'text');
    engine.updateItems([item.id]);
    if (kind === 'bibliography') return engine.makeBibliography()[1].join('').trim();
    const entry = point ? { id: item.id, locator: point.locator, label: point.locatorLabel } : { id: item.id };
    return String(engine.makeCitationCluster([entry])).trim();
  };
  // Titles a record may have: an ampersand, angle brackets, quotation inside a title, markup
  // the engine reads (italics, no-case), non-Latin script, two spaces, a superscript character.
  const titles = [
    data.title,
    'Memorandum of Conversation: Mao & Antonov on <Taiwan>',
    'On the "Coastal Islands" and \u2018Two Chinas\u2019',
    'Notes on <i>Pravda</i> and <span class="nocase">iPhone</span>-era readers',
    '毛泽东 与 安东诺夫 — Record № 7',
    'Two  spaces and the 2\u00B2 square',
  ];
  const items = titles.map((title, index) => ({ ...cslItem(data, address, `p${index + 1}`), title }));

  test.each(titles.map((title, index) => [title, index] as const))('every style’s citations and entries of “%s” are the engine’s own text', (_, index) => {
    const item = items[index] as CslItem;
    const point = pinpoint(`p${index + 1}`);
    const set = citationSet(item, item, point);
    expect(set.chicagoNote.text).toBe(engineText('chicago-fullnote-bibliography', item, 'citation', point));
    expect(set.chicagoShortNote.text).toBe(engineText('chicago-note-bibliography', item, 'citation', point));
    expect(set.mlaInText.text).toBe(engineText('modern-language-association', item, 'citation', point));
    expect(set.apaInText.text).toBe(engineText('apa', item, 'citation', point));
    expect(set.chicagoBibliography.text).toBe(engineText('chicago-note-bibliography', item, 'bibliography'));
    expect(set.mlaWorksCited.text).toBe(engineText('modern-language-association', item, 'bibliography'));
    expect(set.apaReference.text).toBe(engineText('apa', item, 'bibliography'));
    // Read from the HTML, except for the title whose two spaces the HTML cannot give back.
    expect(plainTextOf(set.chicagoNote.html) === undefined, set.chicagoNote.html).toBe(index === 5);
  });

  test('is refused where the HTML cannot be read back: a no-break space, a superscript, a block, another entity', () => {
    expect(plainTextOf('Antonov, <i>Record</i> &#38; notes &#60;1&#62;')).toBe('Antonov, Record & notes <1>');
    expect(plainTextOf('&#38;#60;')).toBe('&#60;');
    expect(plainTextOf('Two\u00A0 spaces')).toBeUndefined();
    expect(plainTextOf('2<sup>2</sup>')).toBeUndefined();
    expect(plainTextOf('H<sub>2</sub>O')).toBeUndefined();
    expect(plainTextOf('<div class="csl-left-margin">1.</div>')).toBeUndefined();
    expect(plainTextOf('Fish &amp; chips')).toBeUndefined();
  });
});

describe('the engines, kept from one document to the next', () => {
  const styles = ['chicago-fullnote-bibliography', 'chicago-note-bibliography', 'modern-language-association', 'apa'];
  const engine = (style: string) => plugins.config.get('@csl').engine([], style, 'en-US', 'html');
  const documents = Array.from({ length: 40 }, (_, index) =>
    cslItem({ ...data, slug: `record-${index}` }, documentUrl('https://example.org', '/', `record-${index}`)),
  );

  test('keep no mark of the documents they formatted before (citeproc walks every mark on each item it registers)', () => {
    for (const item of documents) citationSet(item);
    // At most two, however many documents: the one registered last and the one it replaced.
    for (const style of styles) expect(Object.keys(engine(style).tmp.taintedItemIDs).length, style).toBeLessThanOrEqual(2);
  });

  test('format the fortieth document as a fresh engine formats it', () => {
    const last = documents.at(-1) as CslItem;
    const after = citationSet(last);
    const fresh = (style: string, kind: 'citation' | 'bibliography') => new Cite(last).format(kind, { template: style, lang: 'en-US', format: 'html' }).trim();
    expect(after.apaReference.html).toBe(bibliographyEntryHtml(fresh('apa', 'bibliography')));
    expect(after.mlaInText.html).toBe(fresh('modern-language-association', 'citation'));
    expect(after.chicagoNote.html).toBe(fresh('chicago-fullnote-bibliography', 'citation'));
  });
});
