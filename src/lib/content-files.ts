import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project's content folders, relative to the project root. */
export const documentsDir = 'content/documents';
export const anchorLockPath = 'content/anchors.lock.json';

/** Every document's Markdown, by path, in a stable order. */
export function documentFiles(root = '.'): { path: string; markdown: string }[] {
  const dir = join(root, documentsDir);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: join(documentsDir, name), markdown: readFileSync(join(dir, name), 'utf8') }));
}
