/**
 * The correction log and the anchor lock: a published paragraph's text changes only with a log
 * entry, and the lock script records it. Behaviours are named after what an editor does.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type AnchorLock, lockEntries } from '../../src/lib/anchors.ts';
import { checkCorrections, correctionLogProblems, correctionMessages, entryCounts, entryTemplate } from '../../src/content/corrections.ts';
import { documentAnchors } from '../../src/content/document-anchors.ts';
import type { CorrectionLog } from '../../src/schemas/corrections.ts';

const front = '---\nslug: a-record\n---\n\n';
const published = `${front}The first paragraph. {#p1}\n\nThe second paragraph. {#p2}\n`;
const corrected = `${front}The first paragraph, corrected. {#p1}\n\nThe second paragraph. {#p2}\n`;
const entry = (paragraphs: string[]) => ({ date: '2026-11-27', paragraphs, change: 'A change.', reason: 'A reason.' });

async function check(markdown: string, lockedFrom: string, log: CorrectionLog, lockedLog: CorrectionLog = []) {
  const { anchors } = await documentAnchors(markdown, 'a-record.md');
  const locked = lockEntries((await documentAnchors(lockedFrom, 'a-record.md')).anchors, entryCounts(lockedLog));
  const result = checkCorrections(anchors, locked, log);
  const messages = correctionMessages(
    result,
    { documentPath: 'documents/a-record.md', logPath: 'corrections/a-record.yaml', lockPath: 'anchors.lock.json' },
    new Map(anchors.map((anchor) => [anchor.id, anchor.label])),
    '2026-11-27',
  );
  return { result, messages };
}

describe('a published paragraph and the correction log', () => {
  test('unchanged text needs no entry', async () => {
    const { result, messages } = await check(published, published, []);
    expect(result).toEqual({ unlogged: [], unlocked: [], unchanged: [], unknown: [] });
    expect(messages).toEqual([]);
  });

  test('changed text without an entry fails, and the message shows the entry to add', async () => {
    const { result, messages } = await check(corrected, published, []);
    expect(result.unlogged).toEqual(['p1']);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('The published text of ¶ 1 (#p1) in documents/a-record.md has changed');
    expect(messages[0]).toContain('corrections/a-record.yaml has no new entry for it');
    expect(messages[0]).toContain(entryTemplate(['p1'], '2026-11-27'));
    expect(messages[0]).toContain('npm run anchors:lock');
  });

  test('changed text with a new entry asks only for the lock to be updated', async () => {
    const { result, messages } = await check(corrected, published, [entry(['p1'])]);
    expect(result).toEqual({ unlogged: [], unlocked: ['p1'], unchanged: [], unknown: [] });
    expect(messages).toEqual([
      '¶ 1 (#p1) in documents/a-record.md changed, and corrections/a-record.yaml records the correction, but anchors.lock.json does not yet: run "npm run anchors:lock" and commit the lock.',
    ]);
  });

  test('a correction recorded in the lock is settled', async () => {
    const log = [entry(['p1'])];
    const { messages } = await check(corrected, corrected, log, log);
    expect(messages).toEqual([]);
  });

  test('a second change of the same paragraph needs a second entry', async () => {
    const log = [entry(['p1'])];
    const again = corrected.replace('corrected', 'corrected again');
    expect((await check(again, corrected, log, log)).result.unlogged).toEqual(['p1']);
    expect((await check(again, corrected, [...log, entry(['p1'])], log)).result.unlocked).toEqual(['p1']);
  });

  test('an entry for a paragraph whose text did not change is reported', async () => {
    const { result, messages } = await check(corrected, published, [entry(['p1', 'p2'])]);
    expect(result.unchanged).toEqual(['p2']);
    expect(messages.at(-1)).toContain('has an entry for ¶ 2 (#p2), but the text is still as published');
  });

  test('an entry naming a paragraph the document does not have is reported', async () => {
    const { result, messages } = await check(published, published, [entry(['p9'])]);
    expect(result.unknown).toEqual(['p9']);
    expect(messages).toEqual([
      'corrections/a-record.yaml names #p9, which documents/a-record.md does not have. Use the id at the end of the corrected paragraph, e.g. p12 for "{#p12}".',
    ]);
  });
});

describe('the log file', () => {
  test.each([
    ['an empty log', '[]\n', undefined],
    ['a valid entry', '- date: "2026-11-27"\n  paragraphs: [p1]\n  change: "A."\n  reason: "B."\n', undefined],
    ['a malformed date', '- date: "27 Nov 2026"\n  paragraphs: [p1]\n  change: "A."\n  reason: "B."\n', '1:9 date must be the day of the correction'],
    ['a missing reason', '- date: "2026-11-27"\n  paragraphs: [p1]\n  change: "A."\n', '1:3 reason is required'],
    ['no paragraphs', '- date: "2026-11-27"\n  paragraphs: []\n  change: "A."\n  reason: "B."\n', '2:15 paragraphs must name at least one paragraph'],
    [
      'an id written as a link',
      '- date: "2026-11-27"\n  paragraphs: ["#p1"]\n  change: "A."\n  reason: "B."\n',
      '2:16 0.paragraphs.0: each paragraph is an id',
    ],
    ['not a list', 'date: "2026-11-27"\n', '1:1 A correction log is a list of corrections'],
  ])('%s', (_name, text, expected) => {
    const [first] = correctionLogProblems(text);
    if (expected === undefined) {
      expect(first).toBeUndefined();
    } else {
      expect(first, 'a problem must be reported').toBeDefined();
      expect(`${first?.line}:${first?.column} ${first?.message}`).toContain(expected);
    }
  });
});

describe('the lock script', () => {
  const work = mkdtempSync(join(tmpdir(), 'edition-corrections-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const lockScript = (content: string) =>
    spawnSync(process.execPath, ['scripts/lock-anchors.ts'], { encoding: 'utf8', env: { ...process.env, EDITION_CONTENT: content } });

  test('refuses a changed paragraph without an entry, and records it with one', () => {
    const content = join(work, 'content');
    cpSync('tests/fixtures/build-errors/valid', content, { recursive: true });
    const documentPath = join(content, 'documents', 'a-record.md');
    // Publish the fixture as it is (from a fresh lock), then correct ¶ 2.
    rmSync(join(content, 'anchors.lock.json'));
    expect(lockScript(content).status).toBe(0);
    writeFileSync(documentPath, readFileSync(documentPath, 'utf8').replace('The second paragraph.', 'The second paragraph, corrected.'));

    const refused = lockScript(content);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('The published text of ¶ 2 (#p2)');
    expect(refused.stderr).toContain('paragraphs: [p2]');
    const before = JSON.parse(readFileSync(join(content, 'anchors.lock.json'), 'utf8')) as AnchorLock;

    writeFileSync(join(content, 'corrections', 'a-record.yaml'), '- date: "2026-11-27"\n  paragraphs: [p2]\n  change: "A comma."\n  reason: "A test."\n');
    const recorded = lockScript(content);
    expect(recorded.status, recorded.stderr).toBe(0);
    const after = JSON.parse(readFileSync(join(content, 'anchors.lock.json'), 'utf8')) as AnchorLock;
    expect(after['a-record']?.['p2']?.corrections).toBe(1);
    expect(after['a-record']?.['p2']?.hash).not.toBe(before['a-record']?.['p2']?.hash);
  }, 60_000);
});
