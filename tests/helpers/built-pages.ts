import { readFileSync } from 'node:fs';
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const cache = new Map<string, Root>();

/** A built page's HTML tree (hast), for tests that select in it. */
export function parsePage(file: string): Root {
  let tree = cache.get(file);
  if (tree === undefined) {
    tree = unified().use(rehypeParse).parse(readFileSync(file, 'utf8')) as Root;
    cache.set(file, tree);
  }
  return tree;
}
