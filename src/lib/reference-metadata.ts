/**
 * What a reference manager reads from a document page: the `<meta>` tags and the schema.org
 * JSON-LD. Written for Zotero's "Embedded Metadata" translator as its code behaves
 * (zotero/translators, `Embedded Metadata.js` and the `RDF.js` import it hands namespaced tags
 * to; tests/helpers/zotero-embedded-metadata.ts follows the same code paths, line by line):
 *
 * - No `citation_author`. Once Highwire authors are present they replace every other creator
 *   (Embedded Metadata.js, addHighwireMetadata), so the translator would be lost. The record's
 *   author goes in `DC.creator`, which the RDF import reads as the author, and the translator in
 *   `z:translators`, which it reads as a creator of type translator (RDF.js, importItem).
 * - `z:` tags are copied into the Zotero field of that name (RDF.js, "OTHER FIELDS"): item type,
 *   manuscript type, archive and archive location, and Extra.
 * - A manuscript has no field for the series or a second date: they go into Extra as lines that
 *   Zotero's citation processor reads as CSL variables (`Collection Title:`, `Original Date:`).
 *   The conversation (14 October) is the original event that the record (21 October) reports;
 *   the record's own date is the item's date.
 * - No `DC.source`: the RDF import reads it as a publication title, which a manuscript lacks.
 * - One tag for each thing: the date as `citation_publication_date` (what Google Scholar reads;
 *   Zotero takes it or `citation_date` alike), the language as `citation_language`; Open Graph
 *   only for what the page's own title and description do not say (link previews read those).
 * - An address is given only when it is known: without SITE_URL the page gives a path, which
 *   Zotero resolves against the address it opened (Embedded Metadata.js, relativeToAbsolute);
 *   Open Graph and JSON-LD, which want absolute addresses, then leave it out.
 */
import type { DocumentData } from '../schemas/document.ts';
import { archiveLocation, cslName, isAbsolute } from './citation-item.ts';

export interface MetaTag {
  /** `name` for Highwire, Dublin Core and Zotero tags; `property` for Open Graph. */
  attribute: 'name' | 'property';
  key: string;
  content: string;
}

/** "Family, Given", the order both Zotero's name splitting and Dublin Core expect. */
const inverted = (person: { name: string; familyName?: string | undefined }) => {
  const { family, given } = cslName(person);
  return given ? `${family}, ${given}` : family;
};

/** The archive as one line: repository and place. */
export function archiveName(archive: DocumentData['archive']): string {
  return [archive.repository, archive.place].filter(Boolean).join(', ');
}

/** The lines of Zotero's Extra field for a document: what its item type has no field for. */
export function zoteroExtra(data: DocumentData): string {
  const lines = [`Original Date: ${data.conversationDate}`, `Collection Title: ${data.publication.title}`];
  return lines.join('\n');
}

/**
 * Every meta tag of a document page, in order. `address` is the document's address: absolute
 * when the site's origin is known, otherwise a path from the site's root. (The description is
 * the page's own `<meta name="description">`, which the layout writes.)
 */
export function referenceMetaTags(data: DocumentData, address: string, siteName: string): MetaTag[] {
  const absolute = isAbsolute(address);
  const slashDate = data.recordDate.replace(/-/g, '/');
  const tags: [MetaTag['attribute'], string, string | undefined][] = [
    ['name', 'citation_title', data.title],
    ['name', 'citation_publication_date', slashDate],
    ['name', 'citation_series_title', data.publication.title],
    ['name', 'citation_publisher', data.publication.publisher],
    ['name', 'citation_public_url', address],
    ['name', 'citation_language', 'en'],
    ['name', 'z:itemType', 'manuscript'],
    ['name', 'z:manuscriptType', data.documentType],
    ['name', 'z:archive', archiveName(data.archive)],
    ['name', 'z:archiveLocation', archiveLocation(data.archive)],
    ['name', 'z:translators', data.translator && inverted(data.translator)],
    ['name', 'z:extra', zoteroExtra(data)],
    ['name', 'DC.title', data.title],
    ['name', 'DC.creator', inverted(data.author)],
    ['name', 'DC.contributor', data.translator && inverted(data.translator)],
    ['name', 'DC.date', data.recordDate],
    ['name', 'DC.identifier', absolute ? address : undefined],
    ['name', 'DC.publisher', data.publication.publisher],
    ['property', 'og:type', 'article'],
    ['property', 'og:url', absolute ? address : undefined],
    ['property', 'og:site_name', siteName],
  ];
  return tags.flatMap(([attribute, key, content]) => (content === undefined ? [] : [{ attribute, key, content }]));
}

/** The schema.org description of the record, as the text of a `<script type="application/ld+json">`. */
export function documentJsonLd(data: DocumentData, address: string): string {
  const location = archiveLocation(data.archive);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'ArchiveComponent',
    name: data.title,
    ...(isAbsolute(address) ? { url: address } : {}),
    genre: data.documentType,
    dateCreated: data.recordDate,
    temporalCoverage: data.conversationDate,
    inLanguage: 'en',
    author: { '@type': 'Person', name: data.author.name, ...(data.author.role ? { jobTitle: data.author.role } : {}) },
    ...(data.translator ? { translator: { '@type': 'Person', name: data.translator.name } } : {}),
    ...(data.introductionAuthor ? { contributor: { '@type': 'Person', name: data.introductionAuthor.name } } : {}),
    holdingArchive: {
      '@type': 'ArchiveOrganization',
      name: data.archive.repository,
      ...(data.archive.place ? { address: data.archive.place } : {}),
    },
    itemLocation: location,
    isPartOf: { '@type': 'Collection', name: data.publication.title },
    ...(data.publication.publisher ? { publisher: { '@type': 'Organization', name: data.publication.publisher } } : {}),
  };
  // JSON inside <script> must not be able to close the element.
  return JSON.stringify(jsonLd).replace(/</g, '\\u003c');
}
