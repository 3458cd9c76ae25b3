/**
 * What the search index gets that the reader's page does not, done on a copy of each built page
 * at indexing time (readers never download it), on the page's tree:
 *
 * - beside every mention of an entity, a search term of that entity alone (`entityToken`), so
 *   that a search for the entity finds exactly the paragraphs that mention it, whatever their
 *   spelling, and a paragraph that only shares part of its name ("Chiang") does not;
 * - the edition's own words left out: paragraph numbers (`.pnum`), a note's "Close note" link,
 *   the labels for screen readers (`.visually-hidden`);
 * - paragraph anchors moved onto empty markers titled with the paragraph's number
 *   (`data-pagefind-title="¶ 12"`, what Pagefind needs for a deep link): Pagefind stores the text
 *   of every element that has an id beside the page's text, which doubled a document's fragment;
 * - ids of other elements dropped, for the same reason (only headings and titled anchors make
 *   sub-results);
 * - labels kept apart from their values (`Born: 14 November 1889`, not `Born14 November 1889`),
 *   note numbers written once, and a note set off in brackets, so that excerpts read as prose;
 * - the page's facets (`data-pagefind-filter`): the people, places, organizations and events its
 *   mentions name, one filter value each, which the reader's page need not carry.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { toHtml } from 'hast-util-to-html';
import { parse } from 'parse5';
import { SKIP, visit } from 'unist-util-visit';
import { mentionEntities } from '../shared/mention-markup.ts';
import { entityToken } from '../shared/search-terms.ts';

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const text = (value: string): Text => ({ type: 'text', value });
const classes = (element: Element): string[] => {
  const value = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
};
const attribute = (element: Element, name: string): string | undefined => {
  const value = element.properties[name];
  return value === undefined || value === null || value === false ? undefined : Array.isArray(value) ? value.join(' ') : String(value);
};
const textOf = (node: Element | ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map((child) => textOf(child)).join('') : '';

/** The entities a mention stands for: all of a description's (`data-entities`), or its link's one. */
export function mentionedEntities(element: Element): string[] {
  return mentionEntities(attribute(element, 'dataEntities'), attribute(element, 'href'));
}

/** A facet an entity gives the pages that mention it: the filter's name and the value shown. */
export interface Facet {
  filter: string;
  value: string;
}

export interface IndexOptions {
  /** The facet of each entity that has one, by id. Default: none. */
  facets?: ReadonlyMap<string, Facet>;
}

/** Rewrites a built page's tree, in place, into what Pagefind should index (see above). */
export function prepareTreeForIndex(tree: Root, options: IndexOptions = {}): Root {
  const anchors: Element[] = [];
  const facets = new Map<string, Facet>();
  let head: Element | undefined;
  visit(tree, 'element', (element, index, parent) => {
    const names = classes(element);
    // A note's reference number is printed again at the note itself: keep one.
    const isReference = (node: Element) => attribute(node, 'role') === 'doc-noteref';
    if (isReference(element) || (element.tagName === 'sup' && element.children.some((child) => child.type === 'element' && isReference(child)))) {
      if (parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
    }
    if (attribute(element, 'role') === 'doc-footnote') {
      const number = element.children.find((child): child is Element => child.type === 'element' && classes(child).includes('sidenote-number'));
      if (number) number.children = [text(` (Note ${textOf(number).trim()}:`)];
      element.children.push(text(')'));
    }
    if (element.tagName === 'head') head = element;
    // A numbered paragraph is titled with its number, which the index leaves out of the text.
    if (names.includes('para') && attribute(element, 'id') !== undefined) {
      const number = element.children.find((child): child is Element => child.type === 'element' && classes(child).includes('pnum'));
      if (number) element.properties['dataPagefindTitle'] = textOf(number).trim();
    }
    if ((names.includes('pnum') || names.includes('sidenote-close') || names.includes('visually-hidden')) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (names.includes('mention')) {
      const tokens = mentionedEntities(element).map(entityToken);
      if (tokens.length > 0) element.children.push(text(` ${tokens.join(' ')}`));
    }
    // The facets come from the text's paragraphs, not from the notes beside them.
    if (names.includes('para') && options.facets) {
      visit(element, 'element', (inner) => {
        if (attribute(inner, 'role') === 'doc-footnote') return SKIP;
        if (!classes(inner).includes('mention')) return undefined;
        for (const id of mentionedEntities(inner)) {
          const facet = options.facets?.get(id);
          if (facet) facets.set(`${facet.filter} ${facet.value}`, facet);
        }
        return undefined;
      });
    }
    if (element.tagName === 'dt') {
      const label = textOf(element).trim();
      if (label !== '' && !/[:.?!]$/.test(label)) element.children.push(text(': '));
    }
    const id = attribute(element, 'id');
    if (id !== undefined && attribute(element, 'dataPagefindTitle') !== undefined) anchors.push(element);
    else if (id !== undefined && !headings.has(element.tagName)) delete element.properties['id'];
    return undefined;
  });
  for (const element of anchors) {
    const marker: Element = {
      type: 'element',
      tagName: 'span',
      properties: { id: element.properties['id'], dataPagefindTitle: element.properties['dataPagefindTitle'] },
      children: [],
    };
    delete element.properties['id'];
    delete element.properties['dataPagefindTitle'];
    element.children.unshift(marker);
  }
  for (const { filter, value } of facets.values()) {
    head?.children.push({ type: 'element', tagName: 'meta', properties: { dataPagefindFilter: `${filter}[content]`, content: value }, children: [] });
  }
  return tree;
}

/**
 * A built page as Pagefind should index it: `prepareTreeForIndex` on its HTML. Parsed without
 * recording where each node was in the source (rehype-parse always records it): nothing here
 * reads positions, and leaving them out makes parsing a page about a third faster, which at
 * thousands of pages is seconds of every build.
 */
export function prepareForIndex(html: string, options: IndexOptions = {}): string {
  const tree = fromParse5(parse(html)) as Root;
  return toHtml(prepareTreeForIndex(tree, options));
}
