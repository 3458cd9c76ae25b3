/**
 * What the search index gets that the reader's page does not, done on a copy of each built page
 * at indexing time (readers never download it), on the page's tree:
 *
 * - beside every mention of an entity, a search term of that entity alone (`entityToken`), so
 *   that a search for the entity finds exactly the paragraphs that mention it, whatever their
 *   spelling, and a paragraph that only shares part of its name ("Chiang") does not;
 * - paragraph anchors moved onto empty markers: Pagefind stores the text of every element that
 *   has an id beside the page's text, which doubled a document's fragment; only the location
 *   and the title (`¶ 12`) are needed for a deep link;
 * - ids of other elements dropped, for the same reason (only headings and titled anchors make
 *   sub-results);
 * - labels kept apart from their values (`Born: 14 November 1889`, not `Born14 November 1889`),
 *   note numbers written once, and a note set off in brackets, so that excerpts read as prose.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { entityToken } from './search-terms.ts';

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

/** The entities a mention stands for: all of a description's (`data-entities`), or its one. */
export function mentionedEntities(element: Element): string[] {
  const all = attribute(element, 'dataEntities') ?? attribute(element, 'dataEntity') ?? '';
  return all.split(/\s+/).filter(Boolean);
}

/** Rewrites a built page's tree, in place, into what Pagefind should index (see above). */
export function prepareTreeForIndex(tree: Root): Root {
  const anchors: Element[] = [];
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
    if (names.includes('mention')) {
      const tokens = mentionedEntities(element).map(entityToken);
      if (tokens.length > 0) element.children.push(text(` ${tokens.join(' ')}`));
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
    const marker: Element = { type: 'element', tagName: 'span', properties: { id: element.properties['id'], dataPagefindTitle: element.properties['dataPagefindTitle'] }, children: [] };
    delete element.properties['id'];
    delete element.properties['dataPagefindTitle'];
    element.children.unshift(marker);
  }
  return tree;
}

const parser = unified().use(rehypeParse);
const serializer = unified().use(rehypeStringify);

/** A built page as Pagefind should index it: `prepareTreeForIndex` on its HTML. */
export function prepareForIndex(html: string): string {
  const tree = parser.parse(html);
  return serializer.stringify(prepareTreeForIndex(tree));
}
