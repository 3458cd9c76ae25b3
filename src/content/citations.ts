/**
 * Every citation the edition offers, formatted at build time by a real CSL engine: Citation.js
 * with citeproc-js and the official CSL styles (csl-styles.ts). Nothing here writes a citation
 * by hand: the items come from citation-item.ts, the pinpoint is a CSL locator, and BibTeX, RIS
 * and CSL-JSON are Citation.js's own output formats.
 */
import { Cite, type CiteprocEngine, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { type CslItem, exportNote, type Pinpoint } from '../lib/citation-item.ts';
import { loadStyles } from './csl-styles.ts';

/** A formatted citation: plain text to paste anywhere, and HTML that keeps italics. */
export interface Formatted {
  text: string;
  html: string;
}

/** One citation in every style and format, for the document or for one paragraph. */
export interface CitationSet {
  /** Chicago: the first, full note (with the pinpoint, for a paragraph). */
  chicagoNote: Formatted;
  /** Chicago: the short note for later references. */
  chicagoShortNote: Formatted;
  /** Chicago: the bibliography entry (always the whole document). */
  chicagoBibliography: Formatted;
  /** MLA: the works-cited entry (the whole document). */
  mlaWorksCited: Formatted;
  /** MLA: the parenthetical citation, with the paragraph for a paragraph. */
  mlaInText: Formatted;
  /** APA: the reference-list entry (the whole document). */
  apaReference: Formatted;
  /** APA: the parenthetical citation, with the paragraph for a paragraph. */
  apaInText: Formatted;
  bibtex: string;
  ris: string;
  cslJson: string;
}

const lang = 'en-US';
let registered = false;

/** Registers the styles with Citation.js once: its configuration is global to the process. */
function registerStyles(): void {
  if (registered) return;
  const { styles } = plugins.config.get('@csl');
  for (const style of loadStyles()) styles.add(style.id, style.xml);
  registered = true;
}

/** The styles the edition formats in: the three of csl-styles.ts and Citation.js's own APA. */
const templates = ['chicago-fullnote-bibliography', 'chicago-note-bibliography', 'modern-language-association', 'apa'] as const;
type Template = (typeof templates)[number];

const engines = new Map<Template, CiteprocEngine>();

/**
 * The style's citeproc-js engine, built once by Citation.js (which reads the style and its
 * locale) and then kept here: Citation.js's `engine()` empties the engine's registry on every
 * call, a second registration for each citation the edition formats.
 */
function engineOf(template: Template): CiteprocEngine {
  let engine = engines.get(template);
  if (engine === undefined) {
    registerStyles();
    engine = plugins.config.get('@csl').engine([], template, lang, 'html');
    engines.set(template, engine);
  }
  return engine;
}

/**
 * Builds every style's engine ahead of the first citation (APA's alone takes about 0.4 s), done
 * while the main thread still checks the content, rather than when the first document waits.
 */
export function prepareEngines(): void {
  for (const template of templates) engineOf(template);
}

/** The entry inside Citation.js's `<div class="csl-bib-body"><div class="csl-entry">…</div></div>`. */
export function bibliographyEntryHtml(html: string): string {
  const entry = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>\s*<\/div>\s*$/.exec(html);
  if (!entry?.[1]) throw new Error(`Citation.js returned no bibliography entry: ${html.slice(0, 200)}`);
  return entry[1].trim();
}

/**
 * The plain text of a citation the engine formatted as HTML, where it is sure to be the text the
 * engine would give: citeproc's text output is its HTML output without the markup, with `&`,
 * `<` and `>` unescaped, except where its HTML is not reversible (two spaces become a no-break
 * space and a space, a superscript character becomes `<sup>`) or the style lays out blocks
 * (`<div>`, which the text output breaks into lines). There it is undefined, and the engine
 * formats the text itself. Formatting once instead of twice is a third of a document's citing.
 */
export function plainTextOf(html: string): string | undefined {
  if (/\u00A0|<(?:sup|sub|div)\b|&(?!#(?:38|60|62);)/.test(html)) return undefined;
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#60;/g, '<')
    .replace(/&#62;/g, '>')
    .replace(/&#38;/g, '&')
    .trim();
}

/**
 * The item each style's engine has registered last, the only one in its registry, and the
 * `retrieveItem` that gives it: Citation.js sets its own on every use of the engine (and empties
 * the registry), which a registration made here then no longer is.
 */
const registrations = new Map<Template, { item: CslItem; retrieveItem: (id: string) => CslItem }>();

/**
 * The style's engine with `item` registered alone. citeproc-js formats only registered items,
 * and registering is most of its work for one citation, so an item is registered again only
 * when the engine last registered another: a document's citation and its bibliography entry in
 * one style share one registration. (Items are told apart as objects, not by id: every
 * document's stand-in paragraph has the same id.)
 *
 * citeproc-js marks each item it registers as tainted and clears the marks only in
 * `processCitationCluster`, which the edition does not call. With `makeCitationCluster` and
 * `makeBibliography` the marks pile up, one for every item the engine has ever seen, and each
 * `updateItems` walks all of them: a worker's 5,000th document cost about 50 ms more than its
 * first, which at 10,000 documents was minutes of the build. Registering `item` alone removes
 * every other item from the registry, and a mark counts only for a registered item, so
 * dropping the marks first changes no output.
 */
function engineWith(template: Template, item: CslItem): CiteprocEngine {
  const engine = engineOf(template);
  const last = registrations.get(template);
  if (last?.item === item && engine.sys.retrieveItem === last.retrieveItem) return engine;
  const retrieveItem = (id: string): CslItem => {
    if (id !== item.id) throw new Error(`The citation engine asked for "${id}" while formatting "${item.id}".`);
    return item;
  };
  engine.sys.retrieveItem = retrieveItem;
  engine.tmp.taintedItemIDs = {};
  engine.updateItems([item.id]);
  registrations.set(template, { item, retrieveItem });
  return engine;
}

/** HTML from the engine, and its text: read from the HTML where it can be (plainTextOf), else formatted again as text. */
function formatted(engine: CiteprocEngine, format: () => string, entry: (output: string) => string = (output) => output.trim()): Formatted {
  engine.setOutputFormat('html');
  const html = entry(format());
  const text = plainTextOf(html);
  if (text !== undefined) return { text, html };
  engine.setOutputFormat('text');
  return { text: format().trim(), html };
}

/**
 * A citation, formatted by citeproc-js through the style's engine. Citation.js's own
 * `format('citation')` rebuilds the engine's whole state for every call; registering the one
 * item and asking for a cluster gives the same output for a fraction of the work, which matters
 * when every paragraph of thousands of documents is cited in four styles.
 */
function citation(template: Template, item: CslItem, point?: Pinpoint): Formatted {
  const engine = engineWith(template, item);
  const entry = point === undefined ? { id: item.id } : { id: item.id, locator: point.locator, label: point.locatorLabel };
  return formatted(engine, () => engine.makeCitationCluster([entry]));
}

/** A bibliography entry, from the style's engine directly, as `citation` above does (and for the same reason). */
function bibliography(template: Template, item: CslItem): Formatted {
  const engine = engineWith(template, item);
  return formatted(
    engine,
    () => {
      const [{ bibstart, bibend }, entries] = engine.makeBibliography();
      return bibstart + entries.join('') + bibend;
    },
    bibliographyEntryHtml,
  );
}

/**
 * The item as BibTeX, RIS and CSL-JSON exports carry it: with the note those formats need, and
 * a citation key BibTeX accepts (no hyphens): `antonov_mao_1959_10_14_p12`.
 */
function exportItem(item: CslItem, point?: Pinpoint): CslItem {
  return { ...item, 'citation-key': item.id.replace(/-/g, '_'), note: exportNote(item, point) };
}

/** BibTeX (`@unpublished`, which reference managers import as a manuscript). */
export function toBibtex(item: CslItem, point?: Pinpoint): string {
  registerStyles();
  return new Cite(exportItem(item, point)).format('bibtex', { format: 'text' }).trim();
}

/**
 * RIS (`TY  - MANSCPT`): Citation.js maps the fields; its text output breaks every value after
 * 70 characters, even inside a word ("Doctor\noff"), which reference managers import with the
 * break. The tags are therefore written one per line, unbroken, as current RIS readers expect.
 */
export function toRis(item: CslItem, point?: Pinpoint): string {
  registerStyles();
  const [entry] = new Cite(exportItem(item, point)).format('ris', { format: 'object' }) as unknown as Record<string, string | string[]>[];
  if (entry === undefined) throw new Error('Citation.js returned no RIS entry.');
  const { TY: type, ...tags } = entry;
  const lines = Object.entries(tags).flatMap(([tag, values]) => [values].flat().map((value) => `${tag}  - ${value}`));
  return [`TY  - ${String(type)}`, ...lines, 'ER  - '].join('\n');
}

/** CSL-JSON, as Citation.js normalizes it: an array of one item. */
export function toCslJson(item: CslItem, point?: Pinpoint): string {
  registerStyles();
  return new Cite(exportItem(item, point)).format('data', { format: 'text' }).trim();
}

/** What differs from one paragraph to the next: the notes, the in-text citations and the exports. */
export type PinpointedCitations = Pick<CitationSet, 'chicagoNote' | 'chicagoShortNote' | 'mlaInText' | 'apaInText' | 'bibtex' | 'ris' | 'cslJson'>;

/**
 * A paragraph's own citations, without the bibliography entries, which are the document's and
 * the same for every paragraph (formatting them once per document halves the build's work).
 */
export function pinpointedCitations(item: CslItem, point?: Pinpoint): PinpointedCitations {
  registerStyles();
  return {
    chicagoNote: citation('chicago-fullnote-bibliography', item, point),
    chicagoShortNote: citation('chicago-note-bibliography', item, point),
    mlaInText: citation('modern-language-association', item, point),
    apaInText: citation('apa', item, point),
    ...exportCitations(item, point),
  };
}

/** The item as BibTeX, RIS and CSL-JSON, with the pinpoint in the note. */
export function exportCitations(item: CslItem, point?: Pinpoint): Pick<CitationSet, 'bibtex' | 'ris' | 'cslJson'> {
  return { bibtex: toBibtex(item, point), ris: toRis(item, point), cslJson: toCslJson(item, point) };
}

/** The styles' in-text citations and notes, the part of a paragraph's citations the CSL engine formats. */
type StyledCitations = Pick<CitationSet, 'chicagoNote' | 'chicagoShortNote' | 'mlaInText' | 'apaInText'>;

// Stand-ins the engine formats like a paragraph's locator and address; letters only, so that no
// style changes them (no digits to join into ranges, no punctuation to move).
const LOCATOR = 'Zqxlocatorqx';
const ADDRESS = 'zqxaddressqx';

const escapeHtml = (text: string) => text.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');

function fill(formatted: Formatted, locator: string, address: string): Formatted {
  const put = (text: string, encode: (value: string) => string) => text.replaceAll(LOCATOR, encode(locator)).replaceAll(ADDRESS, encode(address));
  return { text: put(formatted.text, (value) => value), html: put(formatted.html, escapeHtml) };
}

/**
 * Whether the stand-ins give what the engine gives, by form of locator ("12", "12a",
 * "3 (introduction)" are three forms): how a style prints a locator depends on its form (a range
 * is joined with a dash, a word may be pluralized), not on the document, so each form is checked
 * once per build rather than once per document.
 */
const checkedForms = new Map<string, boolean>();
const locatorForm = (locator: string) => locator.replace(/\d+/g, '1');

/** A document's own citations in the styles, the bibliography entries with them. */
export type DocumentStyledCitations = StyledCitations & Pick<CitationSet, 'chicagoBibliography' | 'mlaWorksCited' | 'apaReference'>;

const styled = (citationItem: CslItem, point?: Pinpoint): StyledCitations => ({
  chicagoNote: citation('chicago-fullnote-bibliography', citationItem, point),
  chicagoShortNote: citation('chicago-note-bibliography', citationItem, point),
  mlaInText: citation('modern-language-association', citationItem, point),
  apaInText: citation('apa', citationItem, point),
});

const documentStyled = (citationItem: CslItem): DocumentStyledCitations => ({
  ...styled(citationItem),
  chicagoBibliography: bibliography('chicago-note-bibliography', citationItem),
  mlaWorksCited: bibliography('modern-language-association', citationItem),
  apaReference: bibliography('apa', citationItem),
});

/** Whether the stand-in gives the document's own citations as the engine does: checked once per build, like a form of locator. */
let documentAgrees: boolean | undefined;

/**
 * Every paragraph's citations in the four styles, and the document's own, for a document with
 * many paragraphs. The CSL engine formats the citations once, for a stand-in paragraph, and each
 * paragraph's locator and address are put in the stand-ins' place: formatting each paragraph
 * anew costs about 10 ms a style, which for thousands of documents is most of the build. The
 * same stand-in, cited without a locator and listed in each bibliography, gives the document's
 * own citations with the document's address in its place, from the same registration of the
 * stand-in in each style's engine (registering is most of citeproc-js's work for one citation).
 * The first time a form of locator is met, and for the first document a worker cites, the engine formats
 * the real item too and must agree with the template; a form where it does not is always left
 * to the engine (`fromTemplate` says which paragraphs were filled, `documentFromTemplate`
 * whether the document's citations were).
 */
export function paragraphStyleCitations(
  item: (paragraphId: string) => CslItem,
  points: readonly Pinpoint[],
  documentItem: CslItem,
): { document: DocumentStyledCitations; documentFromTemplate: boolean; citations: StyledCitations[]; fromTemplate: boolean[] } {
  const stand = { ...item(ADDRESS), URL: ADDRESS };
  const template = styled(stand, { id: ADDRESS, label: LOCATOR, locator: LOCATOR, locatorLabel: 'paragraph' });
  const documentTemplate = documentStyled(stand);
  const documentFilled = Object.fromEntries(
    Object.entries(documentTemplate).map(([key, formatted]) => [key, fill(formatted, '', String(documentItem.URL))]),
  ) as DocumentStyledCitations;
  let document = documentFilled;
  if (documentAgrees !== true) {
    const engine = documentStyled(documentItem);
    documentAgrees ??= JSON.stringify(engine) === JSON.stringify(documentFilled);
    document = engine;
  }
  const fromTemplate = (point: Pinpoint): StyledCitations => {
    const address = String(item(point.id).URL);
    return {
      chicagoNote: fill(template.chicagoNote, point.locator, address),
      chicagoShortNote: fill(template.chicagoShortNote, point.locator, address),
      mlaInText: fill(template.mlaInText, point.locator, address),
      apaInText: fill(template.apaInText, point.locator, address),
    };
  };
  const results = points.map((point) => {
    const form = locatorForm(point.locator);
    let agrees = checkedForms.get(form);
    if (agrees === undefined) {
      const engine = styled(item(point.id), point);
      agrees = JSON.stringify(engine) === JSON.stringify(fromTemplate(point));
      checkedForms.set(form, agrees);
      return { citation: engine, filled: false };
    }
    return agrees ? { citation: fromTemplate(point), filled: true } : { citation: styled(item(point.id), point), filled: false };
  });
  return {
    document,
    documentFromTemplate: document === documentFilled,
    citations: results.map((result) => result.citation),
    fromTemplate: results.map((result) => result.filled),
  };
}

/**
 * All citations of the document (`point` absent) or of one paragraph. For a paragraph, `item`
 * is the paragraph's item (its permanent link as URL) and `documentItem` the whole document,
 * which bibliographies list.
 */
export function citationSet(item: CslItem, documentItem: CslItem = item, point?: Pinpoint): CitationSet {
  return {
    ...pinpointedCitations(item, point),
    chicagoBibliography: bibliography('chicago-note-bibliography', documentItem),
    mlaWorksCited: bibliography('modern-language-association', documentItem),
    apaReference: bibliography('apa', documentItem),
  };
}
