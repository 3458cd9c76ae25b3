import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';

/**
 * The content folder, relative to the project root: `content`, or the folder named by
 * EDITION_CONTENT (tests and benchmarks build other collections that way, never into content/).
 */
export const contentDir = process.env['EDITION_CONTENT'] ?? 'content';
export const documentsDir = `${contentDir}/documents`;
/** The anchor lock of a content folder. */
export const anchorLockFile = (folder: string) => `${folder}/anchors.lock.json`;
export const anchorLockPath = anchorLockFile(contentDir);
export const entitiesDir = `${contentDir}/entities`;

/** Every document's Markdown, by path, in a stable order; `folder` is relative to `root`. */
export function documentFiles(root = '.', folder = documentsDir): { path: string; markdown: string }[] {
  const dir = resolve(root, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: join(folder, name), markdown: readFileSync(join(dir, name), 'utf8') }));
}

/** A document's slug, if its frontmatter can be read (what is wrong with it is reported elsewhere). */
export function slugOf(markdown: string): string | undefined {
  try {
    const slug = parseFrontmatter(markdown).frontmatter['slug'];
    return typeof slug === 'string' ? slug : undefined;
  } catch {
    return undefined;
  }
}
