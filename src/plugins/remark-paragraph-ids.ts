import type { Heading, Paragraph, Root, Text } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { type Anchor, excerptOf, hashText } from '../lib/anchors.ts';
import { defaultLabelSchemes, type LabelScheme, paragraphLabel } from '../lib/paragraph-label.ts';

export interface Options {
  /** How ids map to visible labels. Default: `intro-3` → "Intro ¶ 3", `p12` → "¶ 12". */
  schemes?: readonly LabelScheme[];
}

declare module 'vfile' {
  interface DataMap {
    /** The permanent anchors of the document, in order; set by remark-paragraph-ids. */
    anchors: Anchor[];
  }
}

/** A trailing `{#id .class …}` at the very end of a block. */
const MARKER = /[ \t]*\{#([A-Za-z][\w-]*)((?:[ \t]+\.[A-Za-z][\w-]*)*)[ \t]*\}[ \t]*$/;

/**
 * Reads the permanent id stamped at the end of every paragraph and section heading
 * (`… text. {#p12}`, optionally with classes: `{#p1 .record-head}`), removes the marker from
 * the text, and gives the block its id. Paragraphs also get a visible number that links to
 * itself, and their id and label as `data.paragraph` for the plugins after this one. Records
 * every anchor, with a hash of its text, in `file.data.anchors`.
 *
 * Every paragraph outside footnote definitions must have an id, and ids must be unique: a
 * problem at the line otherwise (src/plugins/report-problems.ts). Run after remark-gfm, before
 * remark-rehype.
 */
const remarkParagraphIds: Plugin<[Options?], Root> = (options = {}) => {
  const schemes = options.schemes ?? defaultLabelSchemes;
  return (tree, file) => {
    const anchors: Anchor[] = [];
    const seen = new Map<string, number>();
    visit(tree, (node) => {
      if (node.type === 'footnoteDefinition') return SKIP;
      if (node.type !== 'paragraph' && node.type !== 'heading') return;
      const marker = takeMarker(node, file);
      // Reported; the block is left as it is, without an id.
      if (marker === undefined) return SKIP;
      const line = node.position?.start.line ?? 0;
      const previous = seen.get(marker.id);
      if (previous !== undefined) {
        file.message(
          `Duplicate paragraph id "#${marker.id}": line ${previous} has it already. Ids are permanent and unique: give this block a new id (for an inserted paragraph, the previous number with a letter, e.g. "#${marker.id}a").`,
          node,
          'remark-paragraph-ids:duplicate',
        );
      }
      seen.set(marker.id, line);
      const text = textOf(node);
      let label: string;
      if (node.type === 'paragraph') {
        const paragraphLabelText = paragraphLabel(marker.id, schemes);
        if (paragraphLabelText === undefined) {
          file.message(
            `Paragraph id "#${marker.id}" follows no numbering scheme. Use ${schemes.map((s) => `"#${s.prefix}N"`).join(' or ')} with a number (and an optional letter for an inserted paragraph, e.g. "#p12a").`,
            node,
            'remark-paragraph-ids:scheme',
          );
        }
        // Reported when there is none; the id stands in for it meanwhile.
        label = paragraphLabelText ?? marker.id;
        node.children.unshift(numberLink(marker.id, label), { type: 'text', value: ' ' });
        node.data = {
          ...node.data,
          paragraph: { id: marker.id, label },
          hProperties: { id: marker.id, className: ['para', ...marker.classes] },
        };
      } else {
        label = text;
        node.data = {
          ...node.data,
          hProperties: marker.classes.length > 0 ? { id: marker.id, className: marker.classes } : { id: marker.id },
        };
      }
      anchors.push({ id: marker.id, label, line, hash: hashText(text), excerpt: excerptOf(text) });
      return SKIP;
    });
    file.data.anchors = anchors;
  };
};

export default remarkParagraphIds;

interface Marker {
  id: string;
  classes: string[];
}

/** The block's id and classes, taken off its end; undefined (and reported) when it has none. */
function takeMarker(node: Paragraph | Heading, file: VFile): Marker | undefined {
  const last = node.children.at(-1);
  const match = last?.type === 'text' ? MARKER.exec(last.value) : null;
  if (last?.type !== 'text' || !match) {
    const kind = node.type === 'paragraph' ? 'Paragraph' : 'Heading';
    file.message(
      `${kind} has no permanent id. Add one at its end, e.g. " {#p33}" for a paragraph (the next unused number, or an existing number with a letter such as "#p12a" for an inserted one) or " {#section-name}" for a heading. Published ids are never reused or renumbered.`,
      node,
      'remark-paragraph-ids:missing',
    );
    return undefined;
  }
  const text: Text = last;
  text.value = text.value.slice(0, match.index);
  if (text.value === '') node.children.pop();
  const [, id = '', classList = ''] = match;
  const classes = classList
    .split(/\s+/)
    .filter(Boolean)
    .map((name) => name.slice(1));
  return { id, classes };
}

/** The visible number: a link to the paragraph itself, the edition's words, not the text's. */
function numberLink(id: string, label: string): Paragraph['children'][number] {
  return {
    type: 'link',
    url: `#${id}`,
    children: [{ type: 'text', value: label }],
    data: { apparatus: true, hProperties: { className: ['pnum'] } },
  };
}
