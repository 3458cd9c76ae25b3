/**
 * The check of a whole content folder before its documents are rendered: every problem of every
 * file, each at its place, on a broken copy of the build-error fixture collection.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent, contentReport, problemLines } from '../../src/content/content-problems.ts';
import { documentSchema } from '../../src/schemas/document.ts';

const valid = 'tests/fixtures/build-errors/valid';
const work = mkdtempSync(join(tmpdir(), 'edition-content-problems-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copy(name: string): string {
  const dir = join(work, name);
  cpSync(valid, dir, { recursive: true });
  return dir;
}

describe('the content check', () => {
  test('the valid collection has no problem, and its document is to be rendered', async () => {
    const check = await checkContent(copy('valid'), documentSchema);
    expect(check.problems).toEqual([]);
    expect(check.documents.map((document) => document.slug)).toEqual(['a-record']);
  });

  test('problems of the registry, a correction log and a second document are all found, each at its place', async () => {
    const dir = copy('broken');
    mkdirSync(join(dir, 'entities'));
    writeFileSync(
      join(dir, 'entities', 'events.yaml'),
      '- id: plenum\n  name: A plenum\n  gloss: A meeting.\n  context: Kept for the test.\n  start: "1959-11-31"\n  sources:\n    - source: a-record\n      checked: the date\n',
    );
    const log = join(dir, 'corrections', 'a-record.yaml');
    writeFileSync(log, `${readFileSync(log, 'utf8')}- date: "2026-11-28"\n  paragraphs: [p1, p9]\n  change: "A."\n  reason: "B."\n`);
    // The same slug again, in a second file.
    writeFileSync(join(dir, 'documents', 'b-record.md'), readFileSync(join(dir, 'documents', 'a-record.md'), 'utf8'));

    const check = await checkContent(dir, documentSchema);
    expect(problemLines(check.problems).map((line) => line.replaceAll(`${dir}/`, ''))).toEqual([
      'corrections/a-record.yaml:7:20  The correction log names #p9, which documents/a-record.md does not have. Use the id at the end of the corrected paragraph, e.g. p12 for "{#p12}".',
      'documents/b-record.md:3:1  slug "a-record" is already used by documents/a-record.md. Give every document its own slug.',
      expect.stringMatching(/^entities\/events\.yaml:5:10 {2}start: 1959-11-31 is not a day of the calendar: November 1959 has 30 days\./),
    ]);
    // The document with the slug used twice is not rendered; the first one is.
    expect(check.documents.map((document) => document.path)).toEqual([join(dir, 'documents', 'a-record.md')]);
  });

  test('the report names the count, then one line per problem, by file and line', () => {
    const report = contentReport([
      { path: 'content/documents/b.md', line: 9, column: 2, message: 'Second.' },
      { path: 'content/bibliography.yaml', line: 3, column: 1, message: 'First.' },
      { path: 'content/documents/b.md', line: 4, column: 7, message: 'Between.' },
    ]);
    expect(report.split('\n')).toEqual([
      'The content has 3 problems. Each line gives the file, line and column, what is wrong and what to do:',
      '  content/bibliography.yaml:3:1  First.',
      '  content/documents/b.md:4:7  Between.',
      '  content/documents/b.md:9:2  Second.',
    ]);
  });
  test('a document the build will not render still has its invisible characters found: a byte-order mark, and a zero-width space in its text', async () => {
    const dir = copy('invisible');
    const path = join(dir, 'documents', 'a-record.md');
    const markdown = readFileSync(path, 'utf8');
    writeFileSync(
      path,
      `\uFEFF${markdown.replace('title: "A Record"\n', 'title: "A Record"\nsubtitel: "typo"\n').replace('The second paragraph.', 'The second\u200B paragraph.')}`,
    );
    const check = await checkContent(dir, documentSchema);
    const line =
      readFileSync(path, 'utf8')
        .split('\n')
        .findIndex((row) => row.includes('\u200B')) + 1;
    expect(check.documents).toEqual([]);
    expect(check.problems.map(({ line, column, message }) => `${line}:${column} ${message.split(',')[0]}`)).toEqual([
      '1:1 An invisible control character',
      '3:1 Unknown field "subtitel": check the spelling (the fields are described in src/schemas/document.ts).',
      `${line}:11 An invisible control character`,
    ]);
    expect(check.problems[0]?.message).toContain('U+FEFF (BYTE ORDER MARK)');
    expect(check.problems[2]?.message).toContain('U+200B (ZERO WIDTH SPACE)');
  });
});
