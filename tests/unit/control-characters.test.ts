import { describe, expect, test } from 'vitest';
import { controlCharacterMessage, controlCharacterName, findControlCharacters } from '../../src/lib/control-characters.ts';

describe('control characters', () => {
  test('a NUL pasted from a PDF is found at its line and column', () => {
    const text = 'First line.\nThe Chair\u0000man spoke.\n';
    expect(findControlCharacters(text)).toEqual([{ line: 2, column: 10, codes: [0] }]);
  });

  test('each run is found once, with every character of it, and runs on later lines keep their lines', () => {
    const text = '\u000Cpage two\n\nno problem here\nend\u0001\u0002 of it\u007F\n\u0085';
    expect(findControlCharacters(text)).toEqual([
      { line: 1, column: 1, codes: [0x0c] },
      { line: 4, column: 4, codes: [1, 2] },
      { line: 4, column: 12, codes: [0x7f] },
      { line: 5, column: 1, codes: [0x85] },
    ]);
  });

  test('tabs, line breaks (LF and CRLF) and ordinary non-ASCII text are not control characters', () => {
    expect(findControlCharacters('a\tb\r\nc\nМао Цзэдун — 毛泽东 « » \u00A0 \u2028')).toEqual([]);
  });

  test('columns count UTF-16 code units, as editors do', () => {
    expect(findControlCharacters('𝔄\u0000')).toEqual([{ line: 1, column: 3, codes: [0] }]);
  });

  test('the message names the characters and says what to do', () => {
    expect(controlCharacterName(0)).toBe('U+0000 (NUL)');
    expect(controlCharacterName(0x1b)).toBe('U+001B (ESC)');
    expect(controlCharacterName(0x7f)).toBe('U+007F (DEL)');
    expect(controlCharacterName(0x9d)).toBe('U+009D (a C1 control)');
    expect(controlCharacterMessage({ codes: [0] })).toMatch(/^An invisible control character, U\+0000 \(NUL\), is here, .* Delete it/);
    expect(controlCharacterMessage({ codes: [0, 0, 1] })).toMatch(
      /^3 invisible control characters \(U\+0000 \(NUL\), U\+0001 \(SOH\)\) are here, .* Delete them/,
    );
  });
});

describe('control characters in the content’s YAML', async () => {
  const { parseBibliography } = await import('../../src/content/bibliography.ts');
  const { correctionLogProblems } = await import('../../src/content/corrections.ts');

  test('a NUL in the bibliography is reported at its place, and the entries are still checked', () => {
    const yaml = [
      '- id: a-record',
      '  kind: primary',
      '  title: "A re\u0000cord"',
      '  document: a-record',
      '- id: b',
      '  kind: secondary',
      '  title: "B"',
      '',
    ].join('\n');
    const { problems, works } = parseBibliography(yaml, 'content/bibliography.yaml');
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message.slice(0, 50)}`)).toEqual([
      '3:15 An invisible control character, U+0000 (NUL), is h',
      expect.stringMatching(/^6:9 kind must be/),
    ]);
    expect(works.map(({ work }) => work.id)).toEqual(['a-record']);
  });

  test('a control character in a correction log is reported at its line', () => {
    const yaml = '- date: "2026-11-27"\n  paragraphs: [p1]\n  change: "A\u000B."\n  reason: "B."\n';
    expect(correctionLogProblems(yaml)).toEqual([{ line: 3, column: 13, message: expect.stringContaining('U+000B (VT)') }]);
  });
});

describe('invisible characters that copying or saving leaves', () => {
  test('a zero-width space, a word joiner and a byte-order mark are found, each named', () => {
    expect(findControlCharacters('\uFEFF---\nsecond\u200B para\u2060graph')).toEqual([
      { line: 1, column: 1, codes: [0xfeff] },
      { line: 2, column: 7, codes: [0x200b] },
      { line: 2, column: 13, codes: [0x2060] },
    ]);
    expect(controlCharacterName(0xfeff)).toBe('U+FEFF (BYTE ORDER MARK)');
    expect(controlCharacterName(0x200b)).toBe('U+200B (ZERO WIDTH SPACE)');
  });

  test('the zero-width joiner and non-joiner, which some scripts need, are not', () => {
    expect(findControlCharacters('می\u200Cخواهم 👩\u200D💻')).toEqual([]);
  });
});
