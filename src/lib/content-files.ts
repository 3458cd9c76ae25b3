import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The content folder, relative to the project root: `content`, or the folder named by
 * EDITION_CONTENT (tests and benchmarks build other collections that way, never into content/).
 */
export const contentDir = process.env['EDITION_CONTENT'] ?? 'content';
export const documentsDir = `${contentDir}/documents`;
export const anchorLockPath = `${contentDir}/anchors.lock.json`;
export const entitiesDir = `${contentDir}/entities`;

/** Every document's Markdown, by path, in a stable order. */
export function documentFiles(root = '.'): { path: string; markdown: string }[] {
  const dir = resolve(root, documentsDir);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: join(documentsDir, name), markdown: readFileSync(join(dir, name), 'utf8') }));
}
