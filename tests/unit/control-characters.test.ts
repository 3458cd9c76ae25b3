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
    expect(controlCharacterMessage({ codes: [0, 0, 1] })).toMatch(/^3 invisible control characters \(U\+0000 \(NUL\), U\+0001 \(SOH\)\) are here, .* Delete them/);
  });
});
