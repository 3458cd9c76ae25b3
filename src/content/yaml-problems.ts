import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { controlCharacterMessage, findControlCharacters } from '../lib/control-characters.ts';

/** One thing wrong in a YAML text, at the line an editor must fix. */
export interface YamlProblem {
  line: number;
  column: number;
  message: string;
}

/** A problem in a given file. */
export interface PlacedProblem extends YamlProblem {
  path: string;
}

export interface ParsedYaml {
  document: Document;
  lineCounter: LineCounter;
  /** Syntax errors, already placed: with any, the values cannot be checked. */
  problems: YamlProblem[];
  /**
   * Control characters pasted into the text (YAML reads them as text): reported beside the
   * values' problems, which can still be checked.
   */
  characters: YamlProblem[];
}

/** Parses YAML keeping the positions of its values; `firstLine` is the file line of its first line. */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const problems = document.errors.map((error) => ({
    line: (error.linePos?.[0].line ?? 1) + firstLine - 1,
    column: error.linePos?.[0].col ?? 1,
    // The parser's own "at line 2, column 1" counts from the YAML's start, not the file's: the place is given apart.
    message: `This is not valid YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}.`,
  }));
  const characters = findControlCharacters(text).map((run) => ({ line: run.line + firstLine - 1, column: run.column, message: controlCharacterMessage(run) }));
  return { document, lineCounter, problems, characters };
}

/** The place of the value at `path`, or of its nearest parent that exists (for a missing field). */
export function placeOf(parsed: ParsedYaml, path: readonly PropertyKey[], firstLine = 1): { line: number; column: number } {
  for (let length = path.length; length > 0; length--) {
    const node = parsed.document.getIn(path.slice(0, length) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const { line, col } = parsed.lineCounter.linePos(node.range[0]);
      return { line: line + firstLine - 1, column: col };
    }
  }
  // Nothing of the path exists: point at the start.
  return { line: Math.max(1, firstLine - 1), column: 1 };
}

/** The place of a key's name in the map at `path`. */
function keyPlace(parsed: ParsedYaml, path: readonly PropertyKey[], key: string | undefined, firstLine: number): { line: number; column: number } | undefined {
  const map = path.length === 0 ? parsed.document.contents : parsed.document.getIn(path as (string | number)[], true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  const range = isNode(pair?.key) ? pair.key.range : undefined;
  if (!range) return undefined;
  const { line, col } = parsed.lineCounter.linePos(range[0]);
  return { line: line + firstLine - 1, column: col };
}

/** Schema issues as placed problems; `prefix` is the path of the checked value in the YAML. */
export function issueProblems(
  parsed: ParsedYaml,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly (string | number)[] = [],
  firstLine = 1,
): YamlProblem[] {
  return issues.map((issue) => {
    // An unknown field is shown at its name, not at the group that holds it.
    const place =
      (issue.code === 'unrecognized_keys' && keyPlace(parsed, [...prefix, ...issue.path], issue.keys[0], firstLine)) ||
      placeOf(parsed, [...prefix, ...issue.path], firstLine);
    const field = issue.path.join('.');
    // A message that already names its field needs no prefix; in a list of entries (a YAML file
    // such as a correction log) "date must be …" is clearer than "0.date: date must be …".
    const last = String(issue.path.at(-1));
    const inEntry = typeof issue.path[0] === 'number' && (issue.message.startsWith(`${last} `) || issue.message.startsWith(`${last}: `));
    const message = field === '' || inEntry || issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
    return { ...place, message };
  });
}

/** Problems as one error message, one line each: `file:line:column  message`. */
export function formatProblems(heading: string, path: string, problems: readonly YamlProblem[]): string {
  return [heading, ...problems.map((problem) => `  ${path}:${problem.line}:${problem.column}  ${problem.message}`)].join('\n');
}
