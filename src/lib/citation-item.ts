/**
 * The document as a citable record: CSL-JSON items built from a document's frontmatter, for the
 * citation engine, the exports and the page's meta tags. Pure data, no formatting: every
 * citation a reader sees is formatted by the CSL engine (see citations.ts).
 */
import type { DocumentData } from '../schemas/document.ts';
import { paragraphLabel } from './paragraph-label.ts';

/** A name as citations need it. */
export interface CslName {
  family: string;
  given: string;
}

/** A CSL-JSON item (CSL 1.0.2 data schema), with the fields this edition fills. */
export interface CslItem {
  id: string;
  type: 'manuscript';
  title: string;
  genre: string;
  author: CslName[];
  translator?: CslName[];
  issued: { 'date-parts': [[number, number, number]] };
  archive: string;
  'archive-place'?: string;
  archive_location: string;
  'collection-title': string;
  publisher?: string;
  URL: string;
  /** Only on exports: what BibTeX and RIS have no field for (see {@link exportNote}). */
  note?: string;
  [field: string]: unknown;
}

/** Where a citation points inside the document: a CSL locator. */
export interface Pinpoint {
  /** The paragraph id, e.g. `p12`. */
  id: string;
  /** What readers see, e.g. "¶ 12" or "Intro ¶ 3". */
  label: string;
  /** The CSL locator: the number, e.g. "12" or "12a"; "3 (introduction)" for the introduction's own numbers. */
  locator: string;
  /** Always `paragraph`: the edition's numbers count paragraphs. */
  locatorLabel: 'paragraph';
}

/**
 * "S. F. Antonov" → { family: "Antonov", given: "S. F." }. The family name is the last word unless
 * the frontmatter says otherwise (`familyName: "Mao"` for "Mao Zedong").
 */
export function cslName(person: { name: string; familyName?: string | undefined }): CslName {
  const name = person.name.trim().replace(/\s+/g, ' ');
  const family = person.familyName?.trim() ?? name.split(' ').at(-1) ?? name;
  const given = ` ${name} `.replace(` ${family} `, ' ').trim();
  return { family, given };
}

/** The archival reference in the order and words of the source: "fond 5, opis 49, delo 235, listy 89–96". */
export function archiveLocation(archive: DocumentData['archive']): string {
  return `fond ${archive.fond}, opis ${archive.opis}, delo ${archive.delo}, listy ${archive.listy}`;
}

/**
 * The address of a document page: absolute (`https://archive.example/documents/<slug>/`) when the
 * site's public origin is known (SITE_URL), otherwise the path from the site's root
 * (`/documents/<slug>/`), which the page turns into the address it was opened at (see
 * src/scripts/page-address.ts). Never a made-up origin: a citation must lead somewhere.
 */
export function documentUrl(site: URL | string | undefined, base: string, slug: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const path = `${root}documents/${slug}/`;
  return site === undefined ? path : new URL(path, site).href;
}

/** Whether an address carries its origin (`https://…`), rather than being a path from the site's root. */
export function isAbsolute(address: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(address);
}

/** The permanent link of a paragraph: the document's address and its id. */
export function paragraphUrl(documentAddress: string, id: string): string {
  return `${documentAddress}#${id}`;
}

/**
 * The CSL pinpoint of a paragraph id: `p12` → paragraph 12; `intro-3` → paragraph "3
 * (introduction)", since the introduction numbers its paragraphs apart. The words stay inside
 * the locator so that every style prints them beside the number (a citation suffix would follow
 * the URL in a Chicago note). `undefined` for an id that is not a paragraph (a heading).
 */
export function pinpoint(id: string): Pinpoint | undefined {
  const label = paragraphLabel(id);
  if (label === undefined) return undefined;
  const number = /([1-9]\d*[a-z]?)$/.exec(id)?.[1] ?? '';
  const locator = id.startsWith('intro-') ? `${number} (introduction)` : number;
  return { id, label, locator, locatorLabel: 'paragraph' };
}

const dateParts = (iso: string): [number, number, number] => {
  const [year = 0, month = 0, day = 0] = iso.split('-').map(Number);
  return [year, month, day];
};

/**
 * The document as a CSL-JSON item of type `manuscript`: the record's author, title, the record's
 * date, the archive (repository, place, fond/opis/delo/listy), translator, the publishing project
 * (as collection) and its institution (as publisher), and the address. With a paragraph, the item
 * gets the paragraph's own id and permanent link; the pinpoint itself goes in the citation.
 */
export function cslItem(data: DocumentData, address: string, paragraphId?: string): CslItem {
  const { archive } = data;
  const item: CslItem = {
    id: paragraphId === undefined ? data.slug : `${data.slug}-${paragraphId}`,
    type: 'manuscript',
    title: data.title,
    genre: data.documentType,
    author: [cslName(data.author)],
    issued: { 'date-parts': [dateParts(data.recordDate)] },
    archive: archive.repository,
    archive_location: archiveLocation(archive),
    'collection-title': data.publication.title,
    URL: paragraphId === undefined ? address : paragraphUrl(address, paragraphId),
  };
  if (archive.place !== undefined) item['archive-place'] = archive.place;
  if (data.translator !== undefined) item.translator = [cslName(data.translator)];
  if (data.publication.publisher !== undefined) item.publisher = data.publication.publisher;
  return item;
}

/**
 * The note that BibTeX and RIS exports carry: they have no fields for the archival reference or,
 * for manuscripts, the translator, and none for a pinpoint. Reference managers keep it with the
 * item (Zotero: in Extra or as a note), so nothing the citation needs is lost on the way.
 */
export function exportNote(item: CslItem, point?: Pinpoint): string {
  const repository = [item.archive, item['archive-place']].filter(Boolean).join(', ');
  const parts = [`Original: ${repository}, ${item.archive_location}.`];
  const translators = item.translator?.map((name) => `${name.given} ${name.family}`);
  if (translators !== undefined && translators.length > 0) parts.push(`Translated by ${translators.join(' and ')}.`);
  if (point !== undefined) parts.push(`Cited at ${point.label} (paragraph ${point.locator}).`);
  return parts.join(' ');
}
