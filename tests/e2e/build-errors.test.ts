/**
 * Bad content stops the real build with a message that names the file, the line and what to
 * do, instead of publishing a broken page, and names every problem of a build at once. The
 * cases break copies of a small valid collection (tests/fixtures/build-errors/valid), each one
 * way, and build them all together with Astro.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../../tools/astro-build.ts';

const valid = 'tests/fixtures/build-errors/valid';
const documentName = 'a-record.md';
const work = mkdtempSync(join(tmpdir(), 'edition-build-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Case {
  name: string;
  /** The file the case breaks, inside the collection. Default: the document. */
  file?: string;
  /** Breaks the file's text. */
  breakIt: (markdown: string) => string;
  /** A line of the broken file on which the error must be reported. */
  at: string;
  message: string;
}

const cases: Case[] = [
  {
    name: 'a footnote reference without a definition',
    breakIt: (md) => md.replace('The second paragraph.', 'The second paragraph.[^missing]'),
    at: 'The second paragraph.[^missing] {#p2}',
    message: 'Footnote reference [^missing] has no definition.',
  },
  {
    name: 'a footnote definition that nothing references',
    breakIt: (md) => `${md}\n[^orphan]: Nobody refers to this note.\n`,
    at: '[^orphan]: Nobody refers to this note.',
    message: 'Footnote [^orphan] is defined but never referenced',
  },
  {
    name: 'a duplicate paragraph id',
    breakIt: (md) => md.replace('The second paragraph. {#p2}', 'The second paragraph. {#p1}'),
    at: 'The second paragraph. {#p1}',
    message: 'Duplicate paragraph id "#p1"',
  },
  {
    name: 'a paragraph without an id',
    breakIt: (md) => md.replace('The second paragraph. {#p2}', 'The second paragraph.'),
    at: 'The second paragraph.',
    message: 'Paragraph has no permanent id.',
  },
  {
    name: 'a published anchor removed',
    breakIt: (md) => md.replace('The second paragraph. {#p2}', ''),
    at: '---',
    message: 'Published anchor #p2 (¶ 2: “The second paragraph.”) is missing from this document.',
  },
  {
    name: 'a link to an entity the registry lacks',
    breakIt: (md) => md.replace('The second paragraph. {#p2}', 'The [second](entity:nobody) paragraph. {#p2}'),
    at: 'The [second](entity:nobody) paragraph. {#p2}',
    message: 'Unknown entity "nobody"',
  },
  {
    name: 'a script in the Markdown’s HTML',
    breakIt: (md) => md.replace('The second paragraph. {#p2}', 'The second paragraph. {#p2}\n\n<script>document.title = "x";</script>'),
    at: '<script>document.title = "x";</script>',
    message: '<script> is not allowed in a document',
  },
  {
    name: 'a malformed frontmatter field',
    breakIt: (md) => md.replace('recordDate: "1959-10-21"', 'recordDate: "21 October 1959"'),
    at: 'recordDate: "21 October 1959"',
    message: 'recordDate must be a date written "YYYY-MM-DD"',
  },
  {
    name: 'a malformed date in the correction log',
    file: 'corrections/a-record.yaml',
    breakIt: (yaml) => `${yaml}- date: "next week"\n  paragraphs: [p2]\n  change: "A."\n  reason: "B."\n`,
    at: '- date: "next week"',
    message: 'date must be the day of the correction',
  },
  {
    name: 'a correction log naming a paragraph the document does not have',
    file: 'corrections/a-record.yaml',
    breakIt: (yaml) => `${yaml}- date: "2026-11-28"\n  paragraphs: [p9]\n  change: "A."\n  reason: "B."\n`,
    at: '  paragraphs: [p9]',
    message: 'The correction log names #p9, which',
  },
  {
    name: 'a work cited at a blocked host',
    file: 'bibliography.yaml',
    breakIt: (yaml) => `${yaml}- id: wikimili-kinmen\n  kind: reference\n  title: "Kinmen"\n  url: https://wikimili.com/en/Kinmen\n`,
    at: '  url: https://wikimili.com/en/Kinmen',
    message: 'url is on wikimili.com, which may not be cited',
  },
  {
    name: 'a plain link in a note',
    breakIt: (md) => md.replace('(source:a-record).', '(source:a-record); [Wikipedia](https://en.wikipedia.org/wiki/Kinmen).'),
    at: '[^note]: The note. Source: [this record, ¶ 1](source:a-record); [Wikipedia](https://en.wikipedia.org/wiki/Kinmen).',
    message: 'A plain link to https://en.wikipedia.org/wiki/Kinmen in note [^note]: cite it through content/bibliography.yaml.',
  },
  {
    name: 'a missing frontmatter field',
    breakIt: (md) => md.replace('title: "A Record"\n', ''),
    at: '---',
    message: 'title is required',
  },
];

/** A copy of the valid collection, with `files` (paths inside it) rewritten or added. */
function brokenCopy(files: Record<string, (text: string) => string>): string {
  const content = join(work, 'content');
  rmSync(content, { recursive: true, force: true });
  cpSync(valid, content, { recursive: true });
  for (const [file, breakIt] of Object.entries(files)) {
    const path = join(content, file);
    mkdirSync(dirname(path), { recursive: true });
    const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const broken = breakIt(before);
    expect(broken, `the case must change ${file}`).not.toBe(before);
    writeFileSync(path, broken);
  }
  return content;
}

/** The line of `file` in the collection on which `text` stands, from 1. */
function lineOf(content: string, file: string, text: string): number {
  const line =
    readFileSync(join(content, file), 'utf8')
      .split('\n')
      .findIndex((row) => row.includes(text)) + 1;
  expect(line, `"${text}" must be in ${file}`).toBeGreaterThan(0);
  return line;
}

/** The file a case breaks: its own copy of the record or of its correction log, or a shared file. */
function caseFile(testCase: Case, slug: string): string {
  const file = testCase.file ?? `documents/${documentName}`;
  return file.replace(/a-record\.(md|yaml)$/, `${slug}.$1`);
}

function build(content: string, outDir: string) {
  return astroBuild(outDir, { EDITION_CONTENT: content });
}

describe('the build stops on bad content', () => {
  test('the valid collection builds, with its correction log on the page', () => {
    const result = build(valid, join(work, 'valid-out'));
    expect(result.status, result.stderr).toBe(0);
    const page = readFileSync(join(work, 'valid-out', 'documents', 'a-record', 'index.html'), 'utf8');
    expect(page).toContain('<time datetime="2026-11-27">27 November 2026</time>: <a href="#p1">¶ 1</a>. “teh” is now “the”.');
    // The build says how many works it cites, by kind; the note's citation links to the record's page.
    expect(`${result.stdout}\n${result.stderr}`).toContain('Sources: 1 work cited — 1 primary, 0 scholarly, 0 reference');
    // Only a reference work's link is marked (data-source-kind); a primary source's is a plain link.
    expect(page).toContain('Source: <a href="/documents/a-record/">this record, ¶ 1</a>.');
  }, 120_000);

  // Every case at once, in one build: each breaks its own copy of the record (case-1.md, …,
  // each with its own slug and correction log), so that no case hides another, and the build
  // must report each at its own file and line. One build instead of one per case.
  const caseContent = join(work, 'cases');
  let caseOutput = '';
  let caseStatus: number | null = 0;
  const caseLines = new Map<string, number>();
  beforeAll(() => {
    cpSync(valid, caseContent, { recursive: true });
    const record = readFileSync(join(valid, 'documents', documentName), 'utf8');
    const log = readFileSync(join(valid, 'corrections', 'a-record.yaml'), 'utf8');
    const lock = JSON.parse(readFileSync(join(valid, 'anchors.lock.json'), 'utf8')) as Record<string, unknown>;
    cases.forEach((testCase, index) => {
      const slug = `case-${index + 1}`;
      const files: Record<string, string> = {
        [`documents/${slug}.md`]: record.replace('slug: a-record', `slug: ${slug}`),
        [`corrections/${slug}.yaml`]: log,
      };
      // The record's published anchors are its copies' too, so that removing one is noticed.
      lock[slug] = lock['a-record'];
      const file = caseFile(testCase, slug);
      const before = files[file] ?? readFileSync(join(caseContent, file), 'utf8');
      const broken = testCase.breakIt(before);
      expect(broken, `${testCase.name}: the case must change the file`).not.toBe(before);
      files[file] = broken;
      const line = broken.split('\n').indexOf(testCase.at) + 1;
      expect(line, `${testCase.name}: the line "${testCase.at}" must be in the broken file`).toBeGreaterThan(0);
      caseLines.set(testCase.name, line);
      for (const [name, text] of Object.entries(files)) writeFileSync(join(caseContent, name), text);
    });
    writeFileSync(join(caseContent, 'anchors.lock.json'), JSON.stringify(lock, null, 2));
    const result = build(caseContent, join(work, 'cases-out'));
    caseOutput = `${result.stdout}\n${result.stderr}`;
    caseStatus = result.status;
  }, 180_000);

  test('with every case below at once, the build fails once, with no stack trace', () => {
    expect(caseStatus, 'the build must fail').not.toBe(0);
    expect(caseOutput.match(/The build stopped on \d+ problems in the content/g), caseOutput).toHaveLength(1);
    expect(caseOutput, 'no stack trace').not.toMatch(/^ {4}at /m);
  });

  test.each(cases.map((testCase, index) => ({ ...testCase, index })))('$name', (testCase) => {
    const file = caseFile(testCase, `case-${testCase.index + 1}`);
    const line = caseLines.get(testCase.name);
    const reported = caseOutput.split('\n').filter((row) => row.includes(`${join(caseContent, file)}:${line}:`) && row.includes(testCase.message));
    expect(reported, `${file}:${line} "${testCase.message}" must be reported\n${caseOutput}`).toHaveLength(1);
  });

  test('several problems in several files (registry, bibliography, correction log, two documents) are all reported in one build, each at its file and line, with no stack trace', () => {
    const person = [
      '- id: a-author',
      '  name: A. Author',
      '  gloss: The author of the record.',
      '  context: Named in the record’s metadata.',
      '  born: "1959-02-30"',
      '  sources:',
      '    - source: a-record',
      '      checked: the name',
      '',
    ].join('\n');
    const content = brokenCopy({
      'entities/people.yaml': () => person,
      // A NUL pasted from a PDF, and a note citing a work the bibliography lacks.
      [`documents/${documentName}`]: (md) =>
        md.replace('The second paragraph.', 'The second para\u0000graph.').replace('(source:a-record).', '(source:a-recod).'),
      'bibliography.yaml': (yaml) => `${yaml}- id: wikimili-kinmen\n  kind: reference\n  title: "Kinmen"\n  url: https://wikimili.com/en/Kinmen\n`,
      'corrections/a-record.yaml': (yaml) => yaml.replace('date: "2026-11-27"', 'date: "2026-02-30"'),
      // A second document, with a problem of its own.
      'documents/b-record.md': () =>
        readFileSync(join(valid, 'documents', documentName), 'utf8')
          .replace('slug: a-record', 'slug: b-record')
          .replace('The second paragraph. {#p2}', 'The second paragraph.'),
    });
    const expected = [
      {
        file: 'entities/people.yaml',
        line: lineOf(content, 'entities/people.yaml', 'born:'),
        message: 'born: 1959-02-30 is not a day of the calendar: February 1959 has 28 days.',
      },
      {
        file: `documents/${documentName}`,
        line: lineOf(content, `documents/${documentName}`, '\u0000'),
        message: 'An invisible control character, U+0000 (NUL), is here',
      },
      { file: `documents/${documentName}`, line: lineOf(content, `documents/${documentName}`, 'source:a-recod'), message: 'Unknown source "a-recod"' },
      { file: 'bibliography.yaml', line: lineOf(content, 'bibliography.yaml', 'wikimili.com'), message: 'url is on wikimili.com, which may not be cited' },
      {
        file: 'corrections/a-record.yaml',
        line: lineOf(content, 'corrections/a-record.yaml', '2026-02-30'),
        message: 'date: 2026-02-30 is not a day of the calendar: February 2026 has 28 days.',
      },
      { file: 'documents/b-record.md', line: lineOf(content, 'documents/b-record.md', 'The second paragraph.'), message: 'Paragraph has no permanent id.' },
    ];

    const result = build(content, join(work, 'out'));
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, 'the build must fail').not.toBe(0);
    for (const { file, line, message } of expected) {
      const reported = output.split('\n').filter((row) => row.includes(`${join(content, file)}:${line}:`) && row.includes(message));
      expect(reported, `${file}:${line} "${message}" must be reported once\n${output}`).toHaveLength(1);
    }
    // It fails once, at the end, and an editor reads the problems, not the build's own code.
    expect(output.match(/The build stopped on 6 problems in the content/g), output).toHaveLength(1);
    expect(output.indexOf('The build stopped on')).toBeGreaterThan(Math.max(...expected.map(({ message }) => output.indexOf(message))));
    expect(output, 'no stack trace').not.toMatch(/^ {4}at /m);
    expect(output).not.toContain('Stack trace');
  }, 120_000);
});
