/**
 * Text fragments (`#p12:~:text=start,end`): a second way to a paragraph that still finds the
 * passage if an id ever fails to resolve, since browsers then search the page for the words.
 * The words must be ones the page renders exactly and in one piece, so they are taken from plain
 * runs of the transcribed text: never across a note reference (its margin note stands between
 * the words in the page), a link, emphasis or an insertion (which carries a hidden label).
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { INSERTION } from './insertions.ts';

/** How many words a fragment's start and end take. */
const WORDS = 5;

/**
 * Percent-encodes a text directive term: besides what URLs reserve, `-`, `,` and `&` have a
 * meaning inside `:~:text=` (the WICG Text Fragments spec) and must be escaped.
 */
export function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** The plain runs of a paragraph's text, in order, with white space collapsed. */
export function plainRuns(children: readonly PhrasingContent[]): string[] {
  const runs: string[] = [];
  let current = '';
  const close = () => {
    if (current.trim() !== '') runs.push(current.replace(/\s+/g, ' ').trim());
    current = '';
  };
  for (const child of children) {
    if (child.type !== 'text') {
      close();
      continue;
    }
    let last = 0;
    for (const match of child.value.matchAll(new RegExp(INSERTION.source, 'g'))) {
      current += child.value.slice(last, match.index);
      close();
      last = match.index + match[0].length;
    }
    current += child.value.slice(last);
  }
  close();
  return runs;
}

/**
 * The text directive for a paragraph's plain runs: the first words of the first run of at least
 * three words and the last words of the last such run (`text=start,end`), or the whole run when
 * the paragraph has only one short run. `undefined` when no run is long enough to be found safely.
 */
export function textDirective(runs: readonly string[]): string | undefined {
  const usable = runs.filter((run) => run.split(' ').length >= 3);
  const first = usable[0];
  const last = usable.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const firstWords = first.split(' ');
  if (usable.length === 1 && firstWords.length <= 2 * WORDS) return `text=${encodeTerm(first)}`;
  const start = firstWords.slice(0, WORDS).join(' ');
  const end = last.split(' ').slice(-WORDS).join(' ');
  return `text=${encodeTerm(start)},${encodeTerm(end)}`;
}

/** A numbered paragraph and its text directive, if it has one. */
export interface ParagraphDirective {
  id: string;
  directive: string | undefined;
}

/** Every numbered paragraph of a tree remark-paragraph-ids has numbered, in order, with its directive. */
export function treeDirectives(tree: Root): ParagraphDirective[] {
  const paragraphs: ParagraphDirective[] = [];
  visit(tree, 'paragraph', (node: Paragraph) => {
    const id = node.data?.paragraph?.id;
    if (id === undefined) return;
    // The first child is the paragraph number remark-paragraph-ids added: a link, so not a run.
    paragraphs.push({ id, directive: textDirective(plainRuns(node.children)) });
  });
  return paragraphs;
}
