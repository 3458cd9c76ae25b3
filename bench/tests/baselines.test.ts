import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Element, Root as HastRoot, Text as HastText } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString as htmlText } from 'hast-util-to-string';
import type { Root, Text } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { readCollection, readingPagePath, starlightIndex, starlightPage, toPlainGfm, toTufteHtml, tuftePage } from '../baselines.ts';

const fixture = 'content/documents/antonov-mao-1959-10-14.md';
const { content: body } = parseFrontmatter(readFileSync(fixture, 'utf8'));
const [document] = readCollection('content');

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);
const parseHtml = (html: string): HastRoot => unified().use(rehypeParse, { fragment: true }).parse(html);
const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The words of a tree's text nodes, without the edition's `{#id .class}` markers. Node by node:
 * joined, the last word of a paragraph would run into the first of the next.
 */
function textWords(tree: Node): string[] {
  const found: string[] = [];
  visit(tree, 'text', (node: Text | HastText) => {
    found.push(...words(node.value.replace(/\{#[^}]*\}/g, ' ')));
  });
  return found;
}

/** Whether `needle` occurs in `haystack` in order, other words allowed between. */
function inOrder(needle: readonly string[], haystack: readonly string[]): string | undefined {
  let at = 0;
  for (const [index, word] of needle.entries()) {
    at = haystack.indexOf(word, at);
    if (at === -1) return `word ${index} "${word}" (after "${needle.slice(Math.max(0, index - 5), index).join(' ')}") is missing`;
    at++;
  }
  return undefined;
}

/** The original split into the running text and its footnotes, each as a list of words. */
function textAndNotes(markdown: string): { text: string[]; notes: Map<string, string[]> } {
  const tree = parse(markdown);
  const notes = new Map<string, string[]>();
  visit(tree, 'footnoteDefinition', (node) => {
    notes.set(node.identifier, textWords(node));
  });
  tree.children = tree.children.filter((node) => node.type !== 'footnoteDefinition');
  return { text: textWords(tree), notes };
}

describe('the Markdown of the baselines', () => {
  const plain = toPlainGfm(body);

  test('has no paragraph or heading markers left', () => {
    expect(body).toContain('{#p1 .record-head}');
    expect(body).toContain('## Introduction {#introduction}');
    expect(plain).not.toMatch(/\{#/);
    expect(plain).toContain('## Introduction\n');
    expect(plain).toContain('Top Secret, Copy 3\n');
  });

  test('keeps the text of entity links and drops their targets', () => {
    expect(body).toContain('[the journal](entity:antonov-journal-1959)');
    expect(plain).not.toContain('entity:');
    expect(plain).toContain('From the journal of ANTONOV');
    let links = 0;
    visit(parse(plain), 'link', () => {
      links++;
    });
    // The footnotes' links to their sources remain.
    expect(links).toBeGreaterThan(0);
  });

  test('keeps insertions, footnotes and backslash line breaks as written', () => {
    expect(plain).toContain('[Central Committee Communist Party of China]');
    expect(plain).toContain('[1918-1940--ed.]');
    expect(plain).toContain('S.F.[^antonov]\\\nTop Secret');
    const count = (markdown: string, type: 'footnoteDefinition' | 'footnoteReference' | 'break') => {
      let n = 0;
      visit(parse(markdown), type, () => {
        n++;
      });
      return n;
    };
    for (const type of ['footnoteDefinition', 'footnoteReference', 'break'] as const) {
      expect(count(plain, type), type).toBe(count(body, type));
    }
    expect(count(plain, 'footnoteReference')).toBeGreaterThan(30);
  });

  test('loses no word and changes no order', () => {
    expect(textWords(parse(plain))).toEqual(textWords(parse(body)));
  });

  test('a Starlight page: title in the frontmatter, the header facts, then the text', () => {
    if (document === undefined) throw new Error('no document in content/');
    const page = starlightPage(document);
    expect(page).toMatch(/^---\ntitle: A Conversation with Mao, 1959\n/);
    expect(page).toContain('fond 5, opis 49, delo 235, listy 89–96');
    expect(page).toContain(plain.trim());
    expect(starlightIndex([document])).toContain('[A Conversation with Mao, 1959](/antonov-mao-1959-10-14/)');
  });
});

describe('the Tufte page', () => {
  const html = toTufteHtml(body);
  const tree = parseHtml(html);

  test('turns every footnote reference into a Tufte sidenote', () => {
    let references = 0;
    visit(parse(body), 'footnoteReference', () => {
      references++;
    });
    const labels = selectAll('label.margin-toggle.sidenote-number', tree);
    expect(labels).toHaveLength(references);
    expect(selectAll('input[type=checkbox].margin-toggle', tree)).toHaveLength(references);
    expect(selectAll('span.sidenote', tree)).toHaveLength(references);
    // Each label opens its own checkbox, which stands right after it, followed by the note.
    const ids = new Set<string>();
    for (const label of labels) {
      expect(label.children).toEqual([]);
      const id = String(label.properties['htmlFor']);
      expect(ids.has(id)).toBe(false);
      ids.add(id);
      expect(html).toContain(
        `<label for="${id}" class="margin-toggle sidenote-number"></label><input type="checkbox" id="${id}" class="margin-toggle"><span class="sidenote">`,
      );
    }
    expect(html).not.toContain('data-footnote');
  });

  test('puts the note where it is referred to', () => {
    const note = selectAll('span.sidenote', tree).find((span) => htmlText(span).includes('Jinmen'));
    expect(note).toBeDefined();
    // The note's own first words, as the source writes them, right after its reference.
    const markdown = readFileSync('content/documents/antonov-mao-1959-10-14.md', 'utf8');
    const opening = /^\[\^quemoy-matsu\]: (\S+ \S+ \S+)/m.exec(markdown)?.[1] ?? '';
    expect(opening).not.toBe('');
    expect(html).toContain(
      `Quemoy and Matsu<label for="sn-quemoy-matsu" class="margin-toggle sidenote-number"></label><input type="checkbox" id="sn-quemoy-matsu" class="margin-toggle"><span class="sidenote">${opening}`,
    );
  });

  test('groups the text in a section per heading, with no markers or entity links left', () => {
    const sections = selectAll('section', tree);
    expect(sections.map((section) => htmlText(section.children.find((child): child is Element => child.type === 'element') ?? section).trim())).toEqual([
      'Introduction',
      'Document',
    ]);
    expect(tree.children.filter((child) => child.type === 'element').every((child) => child.tagName === 'section')).toBe(true);
    expect(html).not.toMatch(/\{#|entity:|id="p\d/);
  });

  test('loses no word: the running text in order, and each note in order', () => {
    const output = textWords(tree);
    const { text, notes } = textAndNotes(body);
    expect(inOrder(text, output)).toBeUndefined();
    expect(notes.size).toBeGreaterThan(30);
    for (const [id, note] of notes) expect(inOrder(note, output), id).toBeUndefined();
  });

  test('a note referred to twice gets a checkbox of its own each time; a note of two paragraphs keeps both', () => {
    const twice = toTufteHtml('One[^a] and two[^a].\n\n[^a]: First part.\n\n    Second part.\n');
    expect(twice).toContain('id="sn-a"');
    expect(twice).toContain('id="sn-a-2"');
    expect(twice).toContain('<span class="sidenote">First part.<br>Second part.</span>');
  });

  test('the full page links tufte.css and holds the document under <article>', () => {
    if (document === undefined) throw new Error('no document in content/');
    const page = tuftePage(document);
    expect(page).toContain('<link rel="stylesheet" href="../tufte.css">');
    expect(page).toMatch(/<article>\n<h1>A Conversation with Mao, 1959<\/h1>\n<p class="subtitle">14 October 1959<\/p>/);
    expect(page).toContain(html);
  });
});

test('reading pages are at <slug>/index.html in both baselines', () => {
  expect(readingPagePath.starlight('a-b')).toBe('a-b/index.html');
  expect(readingPagePath.tufte('a-b')).toBe('a-b/index.html');
  expect(readingPagePath.edition('a-b')).toBe('documents/a-b/index.html');
});
