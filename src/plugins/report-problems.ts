// Brings the type of `file.data.astro`, where Astro puts the frontmatter.
import type {} from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';

/**
 * The edition's plugins report a problem with `file.message(reason, place, origin)` and go on, as
 * unified's linters do, so that one run finds every problem of a document; this step, the last
 * of the pipeline, ends the run on them. (A plugin that only informs uses `file.info`.)
 */

/** A problem of a document, at its place in the Markdown. */
export interface DocumentProblem {
  line: number;
  column: number;
  reason: string;
}

export interface Options {
  /**
   * `fail` (the default): the file fails once, at its first problem, naming every other one
   * with its line and column. `record`: the problems go into the frontmatter Astro returns, as
   * `problems`, for the documents loader to report with every other problem of the content
   * (Astro prints a failed render with its own dump, once per document).
   */
  mode?: 'fail' | 'record';
}

/** The problems the plugins reported, in the order they found them. */
export function documentProblems(file: VFile): DocumentProblem[] {
  return file.messages
    .filter((message) => message.fatal === false)
    .map((message) => ({ line: message.line ?? 1, column: message.column ?? 1, reason: message.reason }));
}

function report(file: VFile, options: Options): void {
  const problems = documentProblems(file);
  const [first, ...others] = problems;
  if (first === undefined) return;
  const frontmatter = file.data.astro?.frontmatter;
  if (options.mode === 'record' && frontmatter) {
    frontmatter['problems'] = problems;
    return;
  }
  const where = displayPath(file);
  file.fail(
    [first.reason, ...others.map((problem) => `  ${where}:${problem.line}:${problem.column}  ${problem.reason}`)].join('\n'),
    { line: first.line, column: first.column },
    `report-problems:${problems.length === 1 ? 'problem' : 'problems'}`,
  );
}

/** The step at the end of the HTML pipeline. */
export const rehypeReportProblems: Plugin<[Options?], HastRoot> =
  (options = {}) =>
  (_tree, file) =>
    report(file, options);

/** The same step at the end of the Markdown half, for the readers of the Markdown tree. */
export const remarkReportProblems: Plugin<[Options?], MdastRoot> =
  (options = {}) =>
  (_tree, file) =>
    report(file, options);

/** The file as an author knows it: relative to the project, when it is inside it. */
function displayPath(file: VFile): string {
  const path = file.path ?? '';
  const cwd = `${file.cwd.replace(/\/$/, '')}/`;
  return path.startsWith(cwd) ? path.slice(cwd.length) : path || 'the document';
}
