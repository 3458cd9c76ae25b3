/**
 * Nothing is lost: every word of the source transcription appears in the built page, in
 * order, and nothing else stands between them but the edition's own apparatus (paragraph
 * numbers, notes, insertion labels, metadata, section headings), which is removed first.
 */
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { remove } from 'unist-util-remove';
import { expect, test } from 'vitest';

/** The edition's apparatus: what the edition adds around the transcribed words. */
const apparatus = [
  '[data-pagefind-ignore]',
  '.pnum',
  '.sidenote-close',
  '.visually-hidden',
  '.sidenote',
  '.note-ref',
  '.document-meta',
  '.edition-key',
  '.document-text > h2',
].join(', ');

const words = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Blocks and line breaks separate words; inline elements do not. */
const separators = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'section', 'header', 'dt', 'dd', 'br', 'hr']);

function textOf(node: Root | Element | Root['children'][number]): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  const inner = node.children.map((child) => textOf(child as Element)).join('');
  return node.type === 'element' && separators.has(node.tagName) ? ` ${inner} ` : inner;
}

function editionWords(html: string): string[] {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const [article] = selectAll('article.document', tree) as Element[];
  if (!article) throw new Error('The page has no article.document.');
  const dropped = new Set(selectAll(apparatus, article));
  remove(article, (node) => dropped.has(node as Element));
  return words(textOf(article));
}

const documents = [{ source: 'content/sources/antonov-mao-1959-10-14.txt', page: 'dist/documents/antonov-mao-1959-10-14/index.html' }];

test.each(documents)('every word of $source is in the page, in order, and nothing more', ({ source, page }) => {
  const expected = words(readFileSync(source, 'utf8'));
  const actual = editionWords(readFileSync(page, 'utf8'));
  const firstDifference = expected.findIndex((word, index) => actual[index] !== word);
  if (firstDifference !== -1 || actual.length !== expected.length) {
    const at = firstDifference === -1 ? expected.length : firstDifference;
    const context = (list: string[]) => list.slice(Math.max(0, at - 6), at + 6).join(' ');
    expect.fail(
      `The edition departs from the source at word ${at + 1} of ${expected.length}.\n  source:  …${context(expected)}…\n  edition: …${context(actual)}…`,
    );
  }
  expect(actual.length).toBeGreaterThan(3000);
});
