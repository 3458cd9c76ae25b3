/**
 * Publishes the documents' anchors: writes every paragraph id, with a hash of its text, into
 * content/anchors.lock.json. Run it when you add a paragraph or deliberately correct one, and
 * commit the lock with the change. It never drops a published anchor: if one is missing, it
 * stops and says which.
 *
 *   npm run anchors:lock
 */
import { writeFileSync } from 'node:fs';
import { compareWithLock, lockEntries } from '../src/lib/anchors.ts';
import { anchorLockPath, documentFiles } from '../src/lib/content-files.ts';
import { documentAnchors } from '../src/lib/document-anchors.ts';
import { readAnchorLock } from '../src/lib/read-lock.ts';

const lock = readAnchorLock(anchorLockPath);
let failed = false;
for (const { path, markdown } of documentFiles()) {
  const { slug, anchors } = await documentAnchors(markdown, path);
  const published = lock[slug] ?? {};
  const { removed, changed, added } = compareWithLock(anchors, published);
  if (removed.length > 0) {
    console.error(`${path}: published anchors are missing: ${removed.map((id) => `#${id}`).join(', ')}. Restore them; the lock keeps them.`);
    failed = true;
    continue;
  }
  for (const id of changed) console.log(`${path}: #${id} text changed; recorded as a correction.`);
  for (const id of added) console.log(`${path}: #${id} published.`);
  lock[slug] = lockEntries(anchors);
}
if (failed) process.exit(1);
writeFileSync(anchorLockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`Wrote ${anchorLockPath}.`);
