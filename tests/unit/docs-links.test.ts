/**
 * The README and the documentation in docs/ link to one another: every relative link leads to a
 * file of the repository, and every `#fragment` to a heading of that file, as GitHub renders it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, test } from 'vitest';

const files = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name)),
];

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function headingSlugs(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...withoutCode.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => headingSlug(match[1] ?? '')));
}

/** Markdown links `[text](target)` outside code blocks and code spans, with their line. */
function relativeLinks(markdown: string): { target: string; line: number }[] {
  const lines = markdown.split('\n');
  const links: { target: string; line: number }[] = [];
  let inCode = false;
  lines.forEach((text, index) => {
    if (text.startsWith('```')) inCode = !inCode;
    if (inCode) return;
    for (const match of text.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1] ?? '';
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ target, line: index + 1 });
    }
  });
  return links;
}

test('headings become GitHub’s anchors', () => {
  expect(headingSlug('Published anchors')).toBe('published-anchors');
  expect(headingSlug('`SEARCH_PARTS`')).toBe('search_parts');
  expect(headingSlug('HTTP headers: `_headers`')).toBe('http-headers-_headers');
});

describe.each(files)('%s', (file) => {
  const markdown = readFileSync(file, 'utf8');
  test('every relative link leads to a file, and every #fragment to one of its headings', () => {
    const broken = relativeLinks(markdown).flatMap(({ target, line }) => {
      const [path = '', fragment] = target.split('#');
      const linked = path === '' ? file : normalize(join(dirname(file), path));
      if (!existsSync(linked)) return [`${file}:${line}: ${target} (no file ${linked})`];
      if (fragment === undefined || !linked.endsWith('.md')) return [];
      return headingSlugs(readFileSync(linked, 'utf8')).has(fragment) ? [] : [`${file}:${line}: ${target} (no heading #${fragment} in ${linked})`];
    });
    expect(broken).toEqual([]);
  });
});

test('the README links every page of docs/', () => {
  const readme = readFileSync('README.md', 'utf8');
  const unlinked = files.filter((file) => file.startsWith('docs') && !readme.includes(`](${file.split('\\').join('/')})`));
  expect(unlinked).toEqual([]);
});
