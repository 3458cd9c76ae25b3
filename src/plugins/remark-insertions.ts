import type { PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { INSERTION } from '../lib/insertions.ts';

export { INSERTION } from '../lib/insertions.ts';
import { SKIP, visit } from 'unist-util-visit';

/** Who added a passage to the translated text. */
export type Inserter = 'translator' | 'editor' | 'signed';

export interface Options {
  /**
   * What a screen reader hears before each kind of insertion and what the tooltip says.
   * Default: "translator’s insertion", "editor’s insertion", "clarification signed in the original".
   */
  labels?: Partial<Record<Inserter, string>>;
}

const defaultLabels: Record<Inserter, string> = {
  translator: 'translator’s insertion',
  editor: 'editor’s insertion',
  signed: 'clarification signed in the original',
};

/** The kinds of insertion a document has, each with how it is written there: for its key. */
export interface InsertionKind {
  by: Inserter;
  /** The sign as the document writes it, with an ellipsis for the words: `[…]`, `[… --ed.]`, `(… -S.A.)`. */
  sign: string;
}

declare module 'vfile' {
  interface DataMap {
    /** The kinds of insertion in the document, in the order first met; set by remark-insertions. */
    insertionKinds: InsertionKind[];
  }
}

/**
 * Marks up the insertions of translators and editors in the transcribed text as `<ins>`,
 * keeping their brackets, with a class and a label that say who inserted them, so that a
 * reader can tell them from the translated words. Text is never changed. Records the kinds the
 * document has in `file.data.insertionKinds` (and in the frontmatter Astro returns), so that its
 * page explains those and no others.
 * Runs on text nodes only; run after remark-gfm (so footnote references are not text).
 */
const remarkInsertions: Plugin<[Options?], Root> = (options = {}) => {
  const labels = { ...defaultLabels, ...options.labels };
  return (tree, file) => {
    const kinds = new Map<Inserter, InsertionKind>();
    visit(tree, 'text', (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      const pieces = splitInsertions(node, labels);
      if (pieces.length === 1) return;
      for (const passage of node.value.match(INSERTION) ?? []) {
        const by = classifyInsertion(passage);
        if (!kinds.has(by)) kinds.set(by, { by, sign: signOf(passage, by) });
      }
      parent.children.splice(index, 1, ...(pieces as typeof parent.children));
      return [SKIP, index + pieces.length];
    });
    file.data.insertionKinds = [...kinds.values()];
    const astro = file.data.astro;
    if (astro?.frontmatter) astro.frontmatter['insertionKinds'] = file.data.insertionKinds;
  };
};

/** The sign of an insertion with its words left out: `[…]`, `[… --ed.]`, `(… -S.A.)`. */
function signOf(passage: string, by: Inserter): string {
  if (by === 'translator') return '[…]';
  if (by === 'editor') return `[… ${/--\s*ed\.?\]$/.exec(passage)?.[0]?.slice(0, -1) ?? '--ed.'}]`;
  return `(… ${/-(?:[A-Z]\.){1,3}\)$/.exec(passage)?.[0]?.slice(0, -1) ?? ''})`;
}

export default remarkInsertions;

/** Classifies one bracketed or parenthesized passage, including its brackets. */
export function classifyInsertion(passage: string): Inserter {
  if (passage.startsWith('(')) return 'signed';
  return /--\s*ed\.\]$/.test(passage) ? 'editor' : 'translator';
}

function splitInsertions(node: Text, labels: Record<Inserter, string>): PhrasingContent[] {
  const pieces: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(INSERTION)) {
    const passage = match[0];
    if (match.index > last) pieces.push({ type: 'text', value: node.value.slice(last, match.index) });
    const by = classifyInsertion(passage);
    pieces.push({
      type: 'emphasis',
      children: [
        {
          type: 'emphasis',
          children: [{ type: 'text', value: `${labels[by]}: ` }],
          data: { apparatus: true, hName: 'span', hProperties: { className: ['visually-hidden'] } },
        },
        { type: 'text', value: passage },
      ],
      data: { hName: 'ins', hProperties: { className: ['insertion'], dataBy: by, title: capitalize(labels[by]) } },
    });
    last = match.index + passage.length;
  }
  if (pieces.length === 0) return [node];
  if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
  return pieces;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
