/**
 * What Zotero saves from a document page, following the code of its generic translator, step by
 * step: zotero/translators at commit 2814370 (June 2026), `Embedded Metadata.js` (EM below) and
 * the `RDF.js` import (RDF) it hands namespaced tags to, with `cleanAuthor` from zotero/utilities
 * (utilities.js) and the item types' fields from zotero/zotero-schema (schema.json, version 41).
 * Line numbers are those files' at those commits. Only the paths a page of this edition takes are
 * modelled; a page that would take another (declared prefixes, Highwire journal tags, an item
 * type other than a manuscript) is refused rather than guessed at.
 */
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export interface ZoteroCreator {
  lastName: string;
  firstName: string;
  creatorType: string;
}

export type ZoteroItem = Record<string, string | ZoteroCreator[]> & { itemType: string; creators: ZoteroCreator[] };

/** EM 88–108 (`_prefixes`), the namespaces a tag's prefix may name. */
const prefixes: Record<string, string> = {
  bib: 'http://purl.org/net/biblio#',
  bibo: 'http://purl.org/ontology/bibo/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  prism: 'http://prismstandard.org/namespaces/1.2/basic/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://nwalsh.com/rdf/vCard#',
  link: 'http://purl.org/rss/1.0/modules/link/',
  z: 'http://www.zotero.org/namespaces/export#',
  eprint: 'http://purl.org/eprint/terms/',
  eprints: 'http://purl.org/eprint/terms/',
  og: 'http://ogp.me/ns#',
  article: 'http://ogp.me/ns/article#',
  book: 'http://ogp.me/ns/book#',
  music: 'http://ogp.me/ns/music#',
  video: 'http://ogp.me/ns/video#',
  so: 'http://schema.org/',
  codemeta: 'https://codemeta.github.io/terms/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
};
const { dc, og, z } = { dc: prefixes['dc'] ?? '', og: prefixes['og'] ?? '', z: prefixes['z'] ?? '' };

/** EM 42–81 (`HIGHWIRE_MAPPINGS`): Highwire tags and the field each fills, in that order. */
const highwire: [string, string][] = [
  ['citation_title', 'title'],
  ['citation_publication_date', 'date'],
  ['citation_cover_date', 'date'],
  ['citation_date', 'date'],
  ['citation_journal_title', 'publicationTitle'],
  ['citation_journal_abbrev', 'journalAbbreviation'],
  ['citation_inbook_title', 'publicationTitle'],
  ['citation_book_title', 'bookTitle'],
  ['citation_volume', 'volume'],
  ['citation_issue', 'issue'],
  ['citation_series_title', 'series'],
  ['citation_conference_title', 'conferenceName'],
  ['citation_conference', 'conferenceName'],
  ['citation_dissertation_institution', 'university'],
  ['citation_technical_report_institution', 'institution'],
  ['citation_technical_report_number', 'number'],
  ['citation_publisher', 'publisher'],
  ['citation_isbn', 'ISBN'],
  ['citation_abstract', 'abstractNote'],
  ['citation_doi', 'DOI'],
  ['citation_public_url', 'url'],
  ['citation_language', 'language'],
];

/** EM 298–316: Highwire tags that set the item type outright, which this model does not follow. */
const highwireTypeTags = [
  'citation_journal_title',
  'citation_technical_report_institution',
  'citation_conference_title',
  'citation_conference',
  'citation_book_title',
  'citation_inbook_title',
  'citation_dissertation_institution',
];

/** schema.json v41: a manuscript's fields and creator types (the only item type modelled). */
const manuscript = {
  fields: new Set([
    'title',
    'abstractNote',
    'manuscriptType',
    'institution',
    'place',
    'date',
    'numPages',
    'number',
    'DOI',
    'citationKey',
    'url',
    'accessDate',
    'archive',
    'archiveLocation',
    'shortTitle',
    'language',
    'libraryCatalog',
    'callNumber',
    'rights',
    'extra',
  ]),
  creatorTypes: ['author', 'contributor', 'translator'],
};

/** utilities.js 227–300 (`cleanAuthor`), for names with a comma ("Family, Given") and without. */
export function cleanAuthor(raw: string, creatorType: string, useComma: boolean): ZoteroCreator {
  let author = raw
    .replace(/^[\s\u00A0.,/[\]:]+/, '')
    .replace(/[\s\u00A0.,/[\]:]+$/, '')
    .replace(/[\s\u00A0]+/, ' ');
  let lastName: string;
  let firstName = '';
  if (useComma) {
    author = author.replace(/\.([^ ])/, '. $1');
    const split = author.split(/[,،] ?/);
    lastName = split[0] ?? '';
    if (split.length > 1) firstName = split[1] ?? '';
  } else {
    const space = author.lastIndexOf(' ');
    lastName = author.slice(space + 1);
    firstName = space > 0 ? author.slice(0, space) : '';
  }
  if (firstName && /^[A-Z\u0400-\u042f]+$/.test(firstName) && firstName.length < 4 && (firstName.length === 1 || lastName.toUpperCase() !== lastName)) {
    firstName = [...firstName].map((letter) => `${letter}.`).join(' ');
  }
  if (firstName) {
    const names = firstName
      .replace(/^[\s.]+/, '')
      .replace(/[\s,]+$/, '')
      .replace(/\s*([\u002D\u00AD\u2010-\u2015\u2212\u2E3A\u2E3B])\s*/, '-')
      .split(/(?:[\s.]+|(?=-))/);
    firstName = names
      .map((name) => `${name}${/^-?[A-Z\u0400-\u042f]$/.test(name) ? '.' : ''} `)
      .join('')
      .replace(/ -/g, '-')
      .trim();
  }
  return { firstName, lastName, creatorType };
}

/** The first non-empty result among `properties`, as RDF's getFirstResults (RDF 88–110). */
function first(statements: Map<string, string[]>, properties: readonly string[]): string[] | undefined {
  for (const property of properties) {
    const values = statements.get(property);
    if (values && values.length > 0) return values;
  }
  return undefined;
}

export function zoteroItem(html: string, pageUrl: string): ZoteroItem {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const htmlElement = select('html', tree) as Element | undefined;
  if (htmlElement?.properties['prefix'] !== undefined || selectAll('link[rel^="schema."]', tree).length > 0) {
    throw new Error('The page declares namespace prefixes (EM getPrefixes, 138–164): not modelled.');
  }
  const metas = (selectAll('meta', tree) as Element[]).map((meta) => ({
    name: typeof meta.properties['name'] === 'string' ? meta.properties['name'] : undefined,
    tags: String(meta.properties['name'] ?? meta.properties['property'] ?? ''),
    content: String(meta.properties['content'] ?? ''),
  }));

  // EM init, 236–371: every tag whose first part (before ".", ":" or "_") is a known prefix
  // becomes an RDF statement about the page; other tags may hint at an item type.
  const statements = new Map<string, string[]>();
  for (const { tags, content } of metas) {
    if (tags === '' || content === '') continue;
    for (const tag of tags.split(/\s+/)) {
      const parts = tag.split(/[.:_]/);
      let prefix: string | undefined;
      let prefixLength = 0;
      if (parts.length > 2 && prefixes[(parts[1] ?? '').toLowerCase()]) {
        prefix = (parts[1] ?? '').toLowerCase();
        prefixLength = (parts[0] ?? '').length + (parts[1] ?? '').length + 1;
      } else {
        prefix = (parts[0] ?? '').toLowerCase();
        prefixLength = (parts[0] ?? '').length;
      }
      const namespace = prefixes[prefix];
      if (namespace !== undefined) {
        const rest = tag.slice(prefixLength + 1);
        const property = rest.charAt(0).toLowerCase() + rest.slice(1);
        if (property === 'type' && (prefix === 'bib' || prefix === 'bibo')) throw new Error('bib/bibo types (EM 278–282): not modelled.');
        statements.set(namespace + property, [...(statements.get(namespace + property) ?? []), content]);
      } else if (highwireTypeTags.includes(tag.slice(tag.lastIndexOf('citation_')))) {
        throw new Error(`${tag} makes Zotero take a Highwire item type (EM 298–316): not modelled.`);
      }
    }
  }

  // RDF detectType, 497: a `z:itemType` names the type; EM 361–363 keeps it, with no Highwire type.
  const itemType = statements.get(`${z}itemType`)?.[0] ?? 'webpage';
  if (itemType !== 'manuscript') throw new Error(`Item type ${itemType}: only manuscripts are modelled.`);

  // RDF importItem, 863–1442.
  const item: Record<string, string | undefined> = {};
  item['title'] = first(statements, [`${dc}title`, `${og}title`])?.[0];
  let creators: ZoteroCreator[] = [];
  for (const creatorType of manuscript.creatorTypes) {
    // 916–953: authors from schema.org, then Dublin Core creator, then, only without those, the
    // Dublin Core contributor; other creator types from `z:<type>s`.
    const found =
      creatorType === 'author'
        ? first(statements, [`${prefixes['so']}author`, `${prefixes['so']}creator`, `${dc}creator`, `${dc}contributor`])
        : creatorType === 'contributor'
          ? first(statements, [`${prefixes['so']}contributor`])
          : first(statements, [`${z}${creatorType}s`]);
    // handleCreators, 115–160: a literal name is split at its comma when it has one.
    for (const name of found ?? []) creators.push(cleanAuthor(name, creatorType, name.includes(',')));
  }
  item['publicationTitle'] = first(statements, [`${dc}source`])?.[0];
  item['rights'] = first(statements, [`${dc}rights`])?.[0];
  item['publisher'] = first(statements, [`${dc}publisher`])?.[0];
  item['institution'] = item['publisher']; // 1113: "these fields mean the same thing"
  item['date'] = first(statements, [`${og}published_time`, `${dc}date`])?.[0];
  item['url'] = first(statements, [`${og}url`])?.[0]; // 1212
  item['archiveLocation'] = first(statements, [`${dc}coverage`])?.[0]; // 1226
  item['abstractNote'] = first(statements, [`${og}description`])?.[0]; // 1229
  item['manuscriptType'] = first(statements, [`${dc}type`])?.[0]; // 1242–1264
  item['extra'] = first(statements, [`${dc}description`])?.[0]; // 1326–1328: a Zotero (z:) page
  item['language'] = first(statements, [`${dc}language`])?.[0]; // 1317
  // OTHER FIELDS, 1428–1442: every `z:` property but path and itemType, copied as it is.
  for (const [property, values] of statements) {
    if (!property.startsWith(z)) continue;
    const field = property.slice(z.length);
    if (field !== 'path' && field !== 'itemType') item[field] = values[0];
  }

  // EM addHighwireMetadata, 401–570. processFields (200–210) matches a tag by the end of its
  // name (getContentText, 171–180), takes the first such tag, and collapses its white space.
  for (const [tag, field] of highwire) {
    const value = metas.find((meta) => meta.name?.endsWith(tag))?.content;
    if (value?.trim()) item[field] = value.replace(/[\xA0\r\n\s]+/g, ' ').trim();
  }
  // 402–415: Highwire authors and editors, when there are any, replace every creator found so
  // far; RDF creators only lend an editor role to a Highwire name they match (417–437).
  const highwireAuthors = metas.filter((meta) => meta.name?.endsWith('citation_author')).map((meta) => meta.content);
  const highwireEditors = metas.filter((meta) => meta.name?.endsWith('citation_editor')).map((meta) => meta.content);
  if (highwireAuthors.length + highwireEditors.length > 0) {
    // processHighwireCreators, 572–626: one tag per name, split at its comma.
    creators = [
      ...highwireAuthors.map((name) => cleanAuthor(name, 'author', name.includes(','))),
      ...highwireEditors.map((name) => cleanAuthor(name, 'editor', name.includes(','))),
    ];
  }

  // EM addLowQualityMetadata, 666–737.
  item['title'] ??= String((select('title', tree) as Element | undefined)?.children.map((child) => ('value' in child ? child.value : '')).join('') ?? '');
  if (item['abstractNote'] === undefined) {
    const description = metas.find((meta) => meta.name?.toLowerCase() === 'description')?.content;
    if (description) item['abstractNote'] = description.replace(/[\xA0\r\n\s]+/g, ' ').trim();
  }
  const canonical = (select('head > link[rel="canonical"]', tree) as Element | undefined)?.properties['href'];
  item['url'] ??= typeof canonical === 'string' ? canonical : pageUrl;
  item['language'] ??= String(htmlElement?.properties['lang'] ?? '');
  item['libraryCatalog'] = new URL(pageUrl).host;

  // EM finalDataCleanup, 935–991: a relative address is resolved against the page's.
  if (item['url']) item['url'] = new URL(item['url'], pageUrl).href;

  // Zotero keeps only the fields of the item's type.
  const kept = Object.fromEntries(
    Object.entries(item).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '' && manuscript.fields.has(entry[0])),
  );
  return { ...kept, itemType, creators };
}
