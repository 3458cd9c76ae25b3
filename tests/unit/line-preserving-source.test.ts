import { parseFrontmatter } from '@astrojs/markdown-remark';
import { expect, test } from 'vitest';
import { linePreservingSource } from '../../src/content/line-preserving-source.ts';

const markdown = '---\ntitle: "A"\nslug: a\nlist:\n  - one\n---\n\nFirst paragraph. {#p1}\n';

test('after Astro removes the frontmatter, the body stands on the lines it has in the file', () => {
  const { frontmatter } = parseFrontmatter(markdown);
  const given = linePreservingSource(markdown, frontmatter);
  // What Astro's renderMarkdown does with it: drop the frontmatter block.
  const { content, frontmatter: readBack } = parseFrontmatter(given);
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
  expect(lineOf(content, 'First paragraph')).toBe(lineOf(markdown, 'First paragraph'));
  expect(readBack).toEqual(frontmatter);
});

test('a file without frontmatter is left as it is', () => {
  expect(linePreservingSource('Text. {#p1}\n', {})).toBe('Text. {#p1}\n');
});
