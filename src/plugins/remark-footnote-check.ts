import type { FootnoteDefinition, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Reports footnotes that would silently vanish or show as raw text, each at its line:
 * a reference with no definition (remark-gfm leaves `[^label]` as plain text), a definition
 * that nothing references (remark-rehype drops it), and a label defined twice.
 * Run after remark-gfm.
 */
const remarkFootnoteCheck: Plugin<[], Root> = () => (tree, file) => {
  const definitions = new Map<string, FootnoteDefinition>();
  const referenced = new Set<string>();

  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition') {
      const earlier = definitions.get(node.identifier);
      if (earlier) {
        file.message(
          `Footnote [^${node.label ?? node.identifier}] is defined twice (also on line ${earlier.position?.start.line ?? '?'}). Merge the two notes or rename one label.`,
          node,
          'remark-footnote-check:duplicate',
        );
      }
      definitions.set(node.identifier, node);
    } else if (node.type === 'footnoteReference') {
      referenced.add(node.identifier);
    } else if (node.type === 'text' && node.position) {
      for (const dangling of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
        const before = node.value.slice(0, dangling.index);
        const lines = before.split('\n');
        const line = node.position.start.line + lines.length - 1;
        const column = lines.length === 1 ? node.position.start.column + before.length : (lines.at(-1)?.length ?? 0) + 1;
        file.message(
          `Footnote reference [^${dangling[1]}] has no definition. Add a line "[^${dangling[1]}]: …" with the note, or remove the reference.`,
          { line, column },
          'remark-footnote-check:undefined',
        );
      }
    }
  });

  for (const [identifier, definition] of definitions) {
    if (!referenced.has(identifier)) {
      file.message(
        `Footnote [^${definition.label ?? identifier}] is defined but never referenced, so it would not appear. Reference it with [^${definition.label ?? identifier}] in the text, or delete the note.`,
        definition,
        'remark-footnote-check:unused',
      );
    }
  }
};

export default remarkFootnoteCheck;
