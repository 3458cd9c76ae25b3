/**
 * What Zotero's generic "Embedded Metadata" translator makes of a page, modelled on its source
 * (zotero/translators, Embedded Metadata.js, and the RDF import it hands namespaced tags to):
 *
 * - every `<meta name|property>` whose name starts with a known namespace prefix and one of
 *   `.`, `:` or `_` (`z:itemType`, `DC.title`, `og:url`) becomes an RDF statement; `z:` tags name
 *   Zotero fields directly (`z:itemType`, `z:archive`, `z:archiveLocation`, `z:manuscriptType`);
 * - Highwire `citation_*` tags then fill title, date, series, publisher, url and language, and
 *   `citation_author` replaces the creators ("Family, Given" split at the comma);
 * - the page's description becomes the abstract when nothing else gave one;
 * - Zotero keeps only the fields its item type has.
 *
 * JSON-LD is not read, as in Zotero. Only what a manuscript needs is modelled.
 */
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export interface ZoteroCreator {
  lastName: string;
  firstName: string;
  creatorType: 'author' | 'contributor';
}

export type ZoteroItem = Record<string, string | ZoteroCreator[]> & { itemType: string; creators: ZoteroCreator[] };

const namespaces = new Set(['bib', 'bibo', 'dc', 'dcterms', 'prism', 'foaf', 'vcard', 'link', 'z', 'eprint', 'eprints', 'og', 'article', 'book', 'rdf']);

const highwire: Record<string, string> = {
  citation_title: 'title',
  citation_publication_date: 'date',
  citation_date: 'date',
  citation_series_title: 'series',
  citation_publisher: 'publisher',
  citation_public_url: 'url',
  citation_language: 'language',
};

/** The RDF import's Dublin Core and Open Graph fields that a manuscript can hold. */
const rdfFields: Record<string, string> = {
  'dc:title': 'title',
  'dc:date': 'date',
  'dc:language': 'language',
  'dc:publisher': 'publisher',
  'dc:rights': 'rights',
  'og:title': 'title',
  'og:url': 'url',
  'og:description': 'abstractNote',
};

/** The fields of Zotero's manuscript item type (plus creators). */
const manuscriptFields = new Set([
  'title', 'abstractNote', 'manuscriptType', 'place', 'date', 'numPages', 'language', 'shortTitle', 'url',
  'accessDate', 'archive', 'archiveLocation', 'libraryCatalog', 'callNumber', 'rights', 'extra',
]);

function splitName(value: string, creatorType: ZoteroCreator['creatorType']): ZoteroCreator {
  const [lastName = '', firstName = ''] = value.includes(',') ? value.split(/\s*,\s*/) : [value.split(' ').at(-1) ?? '', value.split(' ').slice(0, -1).join(' ')];
  return { lastName, firstName, creatorType };
}

export function zoteroItem(html: string): ZoteroItem {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const metas = (selectAll('head meta', tree) as Element[]).map((meta) => ({
    name: String(meta.properties['name'] ?? meta.properties['property'] ?? ''),
    content: String(meta.properties['content'] ?? ''),
  }));
  const rdf: Record<string, string> = {};
  const fields: Record<string, string> = {};
  const rdfCreators: ZoteroCreator[] = [];
  for (const { name, content } of metas) {
    if (name === '' || content === '') continue;
    for (const tag of name.split(/\s+/)) {
      const delimiter = tag.search(/[.:_]/);
      const prefix = tag.slice(0, Math.max(delimiter, 0)).toLowerCase();
      if (delimiter > 0 && namespaces.has(prefix)) {
        const property = tag.charAt(delimiter + 1).toLowerCase() + tag.slice(delimiter + 2);
        if (prefix === 'z') rdf[property] = content;
        else if (`${prefix}:${property}` === 'dc:creator') rdfCreators.push(splitName(content, 'author'));
        else if (`${prefix}:${property}` === 'dc:contributor') rdfCreators.push(splitName(content, 'contributor'));
        else {
          const field = rdfFields[`${prefix}:${property}`];
          if (field !== undefined) fields[field] = content;
        }
      }
    }
  }
  const itemType = rdf['itemType'] ?? 'webpage';
  for (const [property, value] of Object.entries(rdf)) if (property !== 'itemType') fields[property] = value;
  for (const [tag, field] of Object.entries(highwire)) {
    const value = metas.find((meta) => meta.name === tag)?.content.trim();
    if (value) fields[field] = value.replace(/\s+/g, ' ');
  }
  const authors = metas.filter((meta) => meta.name === 'citation_author').map((meta) => splitName(meta.content, 'author'));
  const description = metas.find((meta) => meta.name === 'description')?.content;
  if (fields['abstractNote'] === undefined && description) fields['abstractNote'] = description;
  const kept = Object.fromEntries(Object.entries(fields).filter(([field]) => manuscriptFields.has(field)));
  return { ...kept, itemType, creators: authors.length > 0 ? authors : rdfCreators };
}
