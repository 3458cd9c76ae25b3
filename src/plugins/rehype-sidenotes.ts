import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface Options {
  /** Text of the link that closes an opened note on narrow screens. Default: `Close note`. */
  closeLabel?: string;
}

/**
 * Turns the GFM footnotes that remark-rehype writes into sidenotes: each note is moved, as a
 * `span.sidenote` that keeps the footnote id (`fn-label`), right after its first reference
 * (`a.note-ref`, which takes the place of the `<sup>` around it),
 * so CSS can float it into the margin beside that line on wide screens and hide it until
 * opened (`:target`) on narrow ones. The reference stays a real link to the note, with its
 * number, for keyboard, touch, screen reader and readers without JavaScript. The note takes
 * `tabindex="-1"`: following the reference then moves focus into the note (browsers focus a
 * focusable fragment target), where a hidden note opened on a phone would otherwise leave
 * keyboard and screen-reader focus behind on the reference.
 * The footnote section is dropped: print shows these same notes, set off under their line
 * (edition.css), so no note is sent twice. Run with remark-rehype's `clobberPrefix: ''`.
 */
const rehypeSidenotes: Plugin<[Options?], Root> = (options = {}) => {
  const closeLabel = options.closeLabel ?? 'Close note';
  return (tree, file) => {
    const section = findFootnoteSection(tree);
    if (section === undefined) return;
    const notes = new Map<string, { number: string; item: Element }>();
    visit(section.element, 'element', (item) => {
      if (item.tagName !== 'li' || typeof item.properties['id'] !== 'string') return;
      notes.set(item.properties['id'], { number: String(notes.size + 1), item });
    });
    const placed = new Set<string>();

    visit(tree, 'element', (sup, index, parent) => {
      if (sup.tagName !== 'sup' || parent === undefined || index === undefined) return;
      const reference = sup.children.find((child): child is Element => child.type === 'element' && child.properties['dataFootnoteRef'] !== undefined);
      if (reference === undefined) return;
      const noteId = String(reference.properties['href']).slice(1);
      const note = notes.get(noteId);
      if (note === undefined) return;
      const referenceId = String(reference.properties['id']);
      // The reference replaces its <sup>: the stylesheet raises it, one element instead of two.
      reference.properties = {
        className: ['note-ref'],
        href: reference.properties['href'],
        id: referenceId,
        role: 'doc-noteref',
        ariaLabel: `Note ${note.number}`,
      };
      parent.children[index] = reference;
      // The note goes beside its first reference; later ones link to it.
      if (placed.has(noteId)) return;
      placed.add(noteId);
      parent.children.splice(index + 1, 0, makeSidenote(noteId, note.number, note.item, referenceId, closeLabel, file));
      return index + 2;
    });

    removeSection(section.parent, section.element);
  };
};

export default rehypeSidenotes;

function findFootnoteSection(tree: Root): { element: Element; parent: Root | Element } | undefined {
  let found: { element: Element; parent: Root | Element } | undefined;
  visit(tree, 'element', (node, _index, parent) => {
    if (node.tagName === 'section' && node.properties['dataFootnotes'] !== undefined && parent !== undefined) {
      found = { element: node, parent };
    }
  });
  return found;
}

function isBackReference(node: ElementContent): boolean {
  return node.type === 'element' && node.properties['dataFootnoteBackref'] !== undefined;
}

function makeSidenote(noteId: string, number: string, item: Element, referenceId: string, closeLabel: string, file: VFile): Element {
  const paragraphs: ElementContent[][] = [];
  for (const child of item.children) {
    if (child.type === 'text' && child.value.trim() === '') continue;
    if (child.type !== 'element' || child.tagName !== 'p') {
      file.message(
        'A margin note may hold only paragraphs of text (with links and emphasis), no lists, tables, quotations or headings. Rewrite the note as running text.',
        child,
        'rehype-sidenotes:block',
      );
      continue;
    }
    // The footnote section is dropped once its notes are placed: a note inside a note would go
    // with it, and its reference would point nowhere.
    visit(child, 'element', (node) => {
      if (node.properties['dataFootnoteRef'] === undefined) return;
      file.message(
        'A margin note cannot refer to another note. Put the other note’s text in this one, or move its reference into the text.',
        node,
        'rehype-sidenotes:nested',
      );
    });
    const inline = structuredClone(child.children).filter((node) => !isBackReference(node));
    trimEnd(inline);
    paragraphs.push(inline);
  }
  // A note of one paragraph is its words; a note of several keeps each in a span, set apart.
  const body: ElementContent[] =
    paragraphs.length === 1
      ? (paragraphs[0] ?? [])
      : paragraphs.flatMap((inline, index): ElementContent[] => [
          ...(index > 0 ? [{ type: 'text' as const, value: ' ' }] : []),
          { type: 'element', tagName: 'span', properties: { className: ['sidenote-para'] }, children: inline },
        ]);
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['sidenote'], id: noteId, role: 'doc-footnote', tabIndex: -1 },
    children: [
      { type: 'element', tagName: 'span', properties: { className: ['sidenote-number'] }, children: [{ type: 'text', value: number }] },
      { type: 'text', value: ' ' },
      ...body,
      { type: 'text', value: ' ' },
      {
        type: 'element',
        tagName: 'a',
        properties: { className: ['sidenote-close'], href: `#${referenceId}` },
        children: [{ type: 'text', value: closeLabel }],
      },
    ],
  };
}

/** Drops the white space that the removed back-reference links leave at the end of a note. */
function trimEnd(nodes: ElementContent[]): void {
  let last = nodes.at(-1);
  while (last?.type === 'text' && last.value.trim() === '') {
    nodes.pop();
    last = nodes.at(-1);
  }
  if (last?.type === 'text') last.value = last.value.trimEnd();
}

/** Takes the footnote section out of the tree, with the line break remark-rehype puts before it. */
function removeSection(parent: Root | Element, section: Element): void {
  const index = parent.children.indexOf(section);
  if (index === -1) return;
  const before = parent.children[index - 1];
  const start = before?.type === 'text' && before.value.trim() === '' ? index - 1 : index;
  parent.children.splice(start, index - start + 1);
}
