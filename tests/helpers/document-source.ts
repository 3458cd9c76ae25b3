import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** What a document's Markdown promises its page, for tests that compare the page with it. */
export interface DocumentSource {
  /** The ids of its notes as the page gives them (`fn-<label>`), in the order of their first reference. */
  notes: string[];
  /** The ids of its numbered paragraphs (`{#p1}`, `{#intro-2}`), in order. */
  paragraphs: string[];
}

/**
 * Reads a document's notes and paragraphs from its Markdown, so that a test asserts "every note
 * of the document" rather than a count written into it, which would hold for one document and
 * drift with its next correction.
 */
export function readDocumentSource(path: string): DocumentSource {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(path, 'utf8')) as Root;
  const notes = new Set<string>();
  const paragraphs: string[] = [];
  visit(tree, (node) => {
    // A note's own words hold no numbered paragraph.
    if (node.type === 'footnoteDefinition') return SKIP;
    // remark-rehype lowercases the label into the note's id.
    if (node.type === 'footnoteReference') notes.add(`fn-${node.identifier.toLowerCase()}`);
    if (node.type === 'paragraph') {
      const id = /\{#([^\s}]+)[^}]*\}\s*$/.exec(textOf(node))?.[1];
      if (id !== undefined) paragraphs.push(id);
    }
    return undefined;
  });
  return { notes: [...notes], paragraphs };
}
