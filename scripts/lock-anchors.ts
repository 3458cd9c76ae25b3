/**
 * Publishes the documents' anchors: writes every paragraph id, with a hash of its text, into
 * content/anchors.lock.json. Run it when you add a paragraph or deliberately correct one, and
 * commit the lock with the change. It never drops a published anchor: if one is missing, it
 * stops and says which. It records a changed paragraph only when the document's correction log
 * (content/corrections/<slug>.yaml) has a new entry for it; otherwise it stops and says what to add.
 *
 *   npm run anchors:lock
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { compareWithLock, lockEntries } from '../src/lib/anchors.ts';
import { anchorLockPath, documentFiles } from '../src/content/content-files.ts';
import { checkCorrections, correctionLogPath, correctionLogProblems, correctionMessages, entryCounts, readCorrectionLog } from '../src/content/corrections.ts';
import { documentAnchors } from '../src/content/document-anchors.ts';
import { formatProblems } from '../src/content/frontmatter-check.ts';
import { readAnchorLock } from '../src/content/read-lock.ts';

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
  const logPath = correctionLogPath(slug);
  const logProblems = existsSync(logPath) ? correctionLogProblems(readFileSync(logPath, 'utf8')) : [];
  if (logProblems.length > 0) {
    console.error(formatProblems(logPath, logProblems, 'The correction log'));
    failed = true;
    continue;
  }
  const log = readCorrectionLog(logPath);
  const check = checkCorrections(anchors, published, log);
  // Recording the new entries is this script's job; what else is wrong stops it.
  const blocking = correctionMessages(
    { ...check, unlocked: [] },
    { documentPath: path, logPath, lockPath: anchorLockPath },
    new Map(anchors.map((anchor) => [anchor.id, anchor.label])),
    new Date().toISOString().slice(0, 10),
  );
  if (blocking.length > 0) {
    for (const message of blocking) console.error(`${message}\n`);
    failed = true;
    continue;
  }
  for (const id of changed) console.log(`${path}: #${id} text changed; recorded as a correction (see ${logPath}).`);
  for (const id of added) console.log(`${path}: #${id} published.`);
  lock[slug] = lockEntries(anchors, entryCounts(log));
}
if (failed) process.exit(1);
writeFileSync(anchorLockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`Wrote ${anchorLockPath}.`);
