import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';

/** One thing wrong in a document's frontmatter, at the line an editor must fix. */
export interface FrontmatterProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * Checks a Markdown file's frontmatter against a schema and says where each problem is.
 * Astro's own schema error names the file but no line; an editor needs the line.
 */
export function frontmatterProblems(markdown: string, schema: z.ZodType): FrontmatterProblem[] {
  const block = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(markdown);
  if (!block) {
    return [{ line: 1, column: 1, message: 'The file has no frontmatter. Start it with a block between two "---" lines holding the document’s metadata (see src/schemas/document.ts).' }];
  }
  // The YAML starts on the line after the opening "---".
  return yamlProblems(block[1] ?? '', schema, 2, 'The frontmatter');
}

/**
 * Checks a YAML text against a schema and says where each problem is. `firstLine` is the line
 * of the file on which the YAML starts (2 for frontmatter, 1 for a YAML file).
 */
export function yamlProblems(text: string, schema: z.ZodType, firstLine = 1, what = 'The file'): FrontmatterProblem[] {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter });
  if (yaml.errors.length > 0) {
    return yaml.errors.map((error) => ({
      line: (error.linePos?.[0].line ?? 1) + firstLine - 1,
      column: error.linePos?.[0].col ?? 1,
      message: `${what} is not valid YAML: ${error.message.split('\n')[0]}`,
    }));
  }
  const result = schema.safeParse(yaml.toJS());
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const place = placeOf(yaml, issue.path, lineCounter);
    const field = issue.path.join('.');
    // A message that already names its field needs no prefix; in a list of entries (a YAML file
    // such as a correction log) "date must be …" is clearer than "0.date: date must be …".
    const inEntry = typeof issue.path[0] === 'number' && issue.message.startsWith(`${String(issue.path.at(-1))} `);
    const named = issue.message.startsWith(field) || inEntry;
    const message = named || field === '' ? issue.message : `${field}: ${issue.message}`;
    return { line: Math.max(1, place.line + firstLine - 1), column: place.col, message };
  });
}

/** The line of the value at `path`, or of its nearest parent that exists (a missing field). */
function placeOf(
  yaml: ReturnType<typeof parseDocument>,
  path: readonly PropertyKey[],
  lineCounter: LineCounter,
): { line: number; col: number } {
  for (let length = path.length; length > 0; length--) {
    const node = yaml.getIn(path.slice(0, length) as (string | number)[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
  }
  // A missing top-level field: point at the line before the YAML (the frontmatter's "---").
  return { line: 0, col: 1 };
}

/** The problems as one build error message, one line each: `file:line:column  message`. */
export function formatProblems(path: string, problems: readonly FrontmatterProblem[], what = 'Frontmatter of'): string {
  return [
    `${what} ${path} is wrong:`,
    ...problems.map((problem) => `  ${path}:${problem.line}:${problem.column}  ${problem.message}`),
  ].join('\n');
}
