import type { z } from 'astro/zod';
import { controlCharacterMessage } from '../lib/control-characters.ts';
import { issueProblems, parseYaml, type YamlProblem } from './yaml-problems.ts';

export type FrontmatterProblem = YamlProblem;

/**
 * Checks a Markdown file's frontmatter against a schema and says where each problem is.
 * Astro's own schema error names the file but no line; an editor needs the line.
 */
export function frontmatterProblems(markdown: string, schema: z.ZodType): FrontmatterProblem[] {
  // A byte-order mark, which some editors write at the start of a file, hides the opening "---":
  // say so, and check the rest as if it were not there.
  if (markdown.startsWith('\uFEFF')) {
    return [{ line: 1, column: 1, message: controlCharacterMessage({ codes: [0xfeff] }) }, ...frontmatterProblems(markdown.slice(1), schema)];
  }
  const block = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(markdown);
  if (!block) {
    return [
      {
        line: 1,
        column: 1,
        message: 'The file has no frontmatter. Start it with a block between two "---" lines holding the document’s metadata (see src/schemas/document.ts).',
      },
    ];
  }
  // The YAML starts on the line after the opening "---".
  return yamlProblems(block[1] ?? '', schema, 2, 'The frontmatter');
}

/**
 * Checks a YAML text against a schema and says where each problem is. `firstLine` is the line
 * of the file on which the YAML starts (2 for frontmatter, 1 for a YAML file).
 */
export function yamlProblems(text: string, schema: z.ZodType, firstLine = 1, what = 'The file'): FrontmatterProblem[] {
  const parsed = parseYaml(text, firstLine);
  if (parsed.problems.length > 0) {
    return [
      ...parsed.characters,
      ...parsed.problems.map((problem) => ({ ...problem, message: problem.message.replace('This is not valid YAML', `${what} is not valid YAML`) })),
    ];
  }
  const result = schema.safeParse(parsed.document.toJS());
  return [...parsed.characters, ...(result.success ? [] : issueProblems(parsed, result.error.issues, [], firstLine))];
}

/** The problems as one build error message, one line each: `file:line:column  message`. */
export function formatProblems(path: string, problems: readonly FrontmatterProblem[], what = 'Frontmatter of'): string {
  return [`${what} ${path} is wrong:`, ...problems.map((problem) => `  ${path}:${problem.line}:${problem.column}  ${problem.message}`)].join('\n');
}
