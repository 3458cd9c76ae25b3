import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** Every built HTML page under dist/, as paths relative to it. */
export function builtPages(dist = 'dist'): string[] {
  return (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)))
    .sort();
}

const cache = new Map<string, Root>();

/** A built page's HTML tree. */
export function parsePage(file: string): Root {
  let tree = cache.get(file);
  if (tree === undefined) {
    tree = unified().use(rehypeParse).parse(readFileSync(file, 'utf8')) as Root;
    cache.set(file, tree);
  }
  return tree;
}

/** The built file a site path points at, or undefined when there is none. */
export function fileFor(dist: string, pathname: string, base = '/'): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rest = decodeURIComponent(pathname.slice(base.length));
  for (const candidate of [join(dist, rest), join(dist, rest, 'index.html')]) {
    if (existsSync(candidate) && !candidate.endsWith('/') && readdirSafe(candidate) === undefined) return candidate;
  }
  return undefined;
}

function readdirSafe(path: string): string[] | undefined {
  try {
    return readdirSync(path);
  } catch {
    return undefined;
  }
}

/** Every element id in a page. */
export function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (typeof child.properties['id'] === 'string') ids.add(child.properties['id']);
      walk(child);
    }
  };
  walk(tree);
  return ids;
}
