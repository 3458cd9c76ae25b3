/**
 * Invisible control characters in a text: what a PDF or a word processor leaves in copied text
 * (a NUL, a form feed, a C1 control from a wrongly decoded page). No text of an edition means
 * them; HTML shows them as nothing, or as a replacement mark. Tab, line feed and carriage
 * return are the layout of the file and are left alone.
 */

/** A run of adjacent control characters, at the line and column of its first (both from 1). */
export interface ControlCharacters {
  line: number;
  /** In UTF-16 code units, as editors and unified count columns. */
  column: number;
  /** The characters' code points, in order. */
  codes: number[];
}

// C0 controls but tab (09), line feed (0A) and carriage return (0D); DEL; the C1 controls; and
// the invisible characters that copying or saving leaves and that no edition's text means: the
// zero-width space (200B), the word joiner (2060) and the byte-order mark (FEFF). The zero-width
// joiner and non-joiner (200C, 200D) are left alone: some scripts need them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding these is the point.
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2060\uFEFF]+/g;

const otherNames = new Map([
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x2060, 'WORD JOINER'],
  [0xfeff, 'BYTE ORDER MARK'],
]);

const c0Names = [
  'NUL',
  'SOH',
  'STX',
  'ETX',
  'EOT',
  'ENQ',
  'ACK',
  'BEL',
  'BS',
  'HT',
  'LF',
  'VT',
  'FF',
  'CR',
  'SO',
  'SI',
  'DLE',
  'DC1',
  'DC2',
  'DC3',
  'DC4',
  'NAK',
  'SYN',
  'ETB',
  'CAN',
  'EM',
  'SUB',
  'ESC',
  'FS',
  'GS',
  'RS',
  'US',
];

/** Every run of control characters in `text`, in order. */
export function findControlCharacters(text: string): ControlCharacters[] {
  const found: ControlCharacters[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const match of text.matchAll(controls)) {
    // Count the line breaks between the previous run and this one.
    for (let index = text.indexOf('\n', scanned); index !== -1 && index < match.index; index = text.indexOf('\n', index + 1)) {
      line++;
      lineStart = index + 1;
    }
    scanned = match.index;
    found.push({ line, column: match.index - lineStart + 1, codes: [...match[0]].map((character) => character.codePointAt(0) ?? 0) });
  }
  return found;
}

/** "U+0000 (NUL)", "U+007F (DEL)", "U+0085 (a C1 control)", "U+FEFF (BYTE ORDER MARK)". */
export function controlCharacterName(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = code < 0x20 ? c0Names[code] : code === 0x7f ? 'DEL' : (otherNames.get(code) ?? 'a C1 control');
  return `${hex} (${name})`;
}

/** What an author reads at the place of a run: what is there and what to do. */
export function controlCharacterMessage(run: Pick<ControlCharacters, 'codes'>): string {
  const names = [...new Set(run.codes)].map(controlCharacterName).join(', ');
  const what =
    run.codes.length === 1 ? `An invisible control character, ${names}, is here` : `${run.codes.length} invisible control characters (${names}) are here`;
  return `${what}, left by copying from a PDF or a word processor. Delete ${run.codes.length === 1 ? 'it' : 'them'}; if a letter or a space was meant, type it.`;
}
