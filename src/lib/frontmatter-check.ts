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
  const firstLine = 2;
  const lineCounter = new LineCounter();
  const yaml = parseDocument(block[1] ?? '', { lineCounter });
  if (yaml.errors.length > 0) {
    return yaml.errors.map((error) => ({
      line: (error.linePos?.[0].line ?? 1) + firstLine - 1,
      column: error.linePos?.[0].col ?? 1,
      message: `The frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
    }));
  }
  const result = schema.safeParse(yaml.toJS());
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const place = placeOf(yaml, issue.path, lineCounter);
    const field = issue.path.join('.');
    const message = issue.message.startsWith(field) || field === '' ? issue.message : `${field}: ${issue.message}`;
    return { line: place.line + firstLine - 1, column: place.col, message };
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
  // A missing top-level field: point at the opening "---" of the frontmatter.
  return { line: 0, col: 1 };
}

/** The problems as one build error message, one line each: `file:line:column  message`. */
export function formatProblems(path: string, problems: readonly FrontmatterProblem[]): string {
  return [
    `Frontmatter of ${path} is wrong:`,
    ...problems.map((problem) => `  ${path}:${problem.line}:${problem.column}  ${problem.message}`),
  ].join('\n');
}
