/**
 * The project's own content, checked as the build and the readers need it: valid frontmatter,
 * a clean render, and every published anchor still there with the text it was published with.
 */
import { describe, expect, test } from 'vitest';
import { compareWithLock } from '../../src/lib/anchors.ts';
import { existsSync, readFileSync } from 'node:fs';
import { anchorLockPath, documentFiles } from '../../src/content/content-files.ts';
import { checkCorrections, correctionLogPath, correctionLogProblems, correctionMessages, readCorrectionLog } from '../../src/content/corrections.ts';
import { documentAnchors } from '../../src/content/document-anchors.ts';
import { frontmatterProblems } from '../../src/content/frontmatter-check.ts';
import { readAnchorLock } from '../../src/content/read-lock.ts';
import { documentSchema } from '../../src/schemas/document.ts';

const lock = readAnchorLock(anchorLockPath);
const files = documentFiles();

test('there is at least one document', () => {
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files)('$path', ({ path, markdown }) => {
  test('its correction log, if any, is valid', async () => {
    const { slug } = await documentAnchors(markdown, path);
    const logPath = correctionLogPath(slug);
    if (!existsSync(logPath)) return;
    expect(correctionLogProblems(readFileSync(logPath, 'utf8'))).toEqual([]);
  });

  test('frontmatter is valid', () => {
    expect(frontmatterProblems(markdown, documentSchema)).toEqual([]);
  });

  test('every published anchor is there, with the text it was published with', async () => {
    const { slug, anchors } = await documentAnchors(markdown, path);
    const published = lock[slug];
    expect(published, `${slug} is not in ${anchorLockPath}: run "npm run anchors:lock" and commit the lock.`).toBeDefined();
    const { removed, changed, added } = compareWithLock(anchors, published ?? {});
    expect(removed, `Published anchors are gone from ${path}; links and citations point at them. Restore them.`).toEqual([]);
    // A changed text says what to add to the correction log, or that the lock is behind it.
    const logPath = correctionLogPath(slug);
    const corrections = correctionMessages(
      checkCorrections(anchors, published ?? {}, readCorrectionLog(logPath)),
      { documentPath: path, logPath, lockPath: anchorLockPath },
      new Map(anchors.map((anchor) => [anchor.id, anchor.label])),
      new Date().toISOString().slice(0, 10),
    );
    expect(
      changed,
      corrections.length > 0
        ? corrections.join('\n\n')
        : `The text of these paragraphs differs from what was published. If the change is a deliberate correction, run "npm run anchors:lock" and commit the lock with it.`,
    ).toEqual([]);
    expect(corrections, corrections.join('\n\n')).toEqual([]);
    expect(added, `New anchors in ${path} are not published yet: run "npm run anchors:lock" and commit the lock.`).toEqual([]);
  });
});
