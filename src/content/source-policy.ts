/**
 * The whole source policy over a content folder, as `npm run check:sources` and the policy test
 * run it: the bibliography and the blocked hosts, the registry's citations, every document's
 * notes (parsed with the build's own remark plugin, not searched with patterns) and related
 * records, and what only the whole collection tells (a work nobody cites). It never stops at a
 * problem: a broken file is reported and the others are still checked.
 */
import { join } from 'node:path';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { VFile } from 'vfile';
import { createProcessor } from '../plugins/index.ts';
import remarkSourceLinks, { type SourceRef, sourceLinkOrigin, sourceLinkRules } from '../plugins/remark-source-links.ts';
import { documentSchema } from '../schemas/document.ts';
import {
  type CitingDocument,
  citedIds,
  collectBibliography,
  collectionProblems,
  countCited,
  entityCitationProblems,
  type ListedWork,
  relatedRecordCitations,
  relatedRecordProblems,
  type SourceCounts,
} from './bibliography.ts';
import { documentFiles, slugOf } from './content-files.ts';
import { collectEntities } from './entities.ts';
import { frontmatterProblems } from './frontmatter-check.ts';
import type { PlacedProblem } from './yaml-problems.ts';

export interface SourcePolicyReport {
  /** Every problem found, each at its file, line and column. */
  problems: PlacedProblem[];
  /** Problems of the registry as a whole (a spelling claimed twice…). */
  registry: PlacedProblem[];
  /** The works cited, by kind. */
  counts: SourceCounts;
}

/** The problems of one document's notes, and the works they cite, as the build's plugin finds them. */
export async function noteCitations(markdown: string, path: string, works: readonly SourceRef[]): Promise<{ cited: string[]; problems: PlacedProblem[] }> {
  const processor = createProcessor({ remark: [[remarkSourceLinks, { works }]], html: false });
  const file = new VFile({ path, value: bodyOf(markdown) });
  // The plugin fails once, after recording each problem as a message: the messages are the report.
  await processor.run(processor.parse(file), file).catch((error: unknown) => {
    if (!file.messages.some((message) => message.source === sourceLinkOrigin)) throw error;
  });
  const rules: readonly string[] = sourceLinkRules;
  const problems = file.messages
    .filter((message) => message.source === sourceLinkOrigin && rules.includes(message.ruleId ?? ''))
    .map((message) => ({ path, line: message.line ?? 1, column: message.column ?? 1, message: message.reason }));
  return { cited: file.data.citedSources ?? [], problems };
}

/**
 * The Markdown with its frontmatter blanked, line for line, so that the notes' lines are the
 * file's. Done by hand: a frontmatter that is not valid YAML is reported by the frontmatter
 * check, and must not stop the notes' check.
 */
function bodyOf(markdown: string): string {
  const block = extractFrontmatter(markdown);
  if (block === undefined) return markdown;
  const whole = `---${block}---`;
  const start = markdown.indexOf(whole);
  return `${markdown.slice(0, start)}${'\n'.repeat(whole.split('\n').length - 1)}${markdown.slice(start + whole.length)}`;
}

/**
 * The works as the notes' plugin needs them. An entry with a problem of its own still counts as
 * present, so that its citations are not reported a second time as unknown; with no valid kind
 * it is not judged for kind either.
 */
function sourceRefs(works: readonly ListedWork[]): SourceRef[] {
  return works.map((work) => ({ id: work.id, kind: work.kind ?? 'primary', document: work.document }));
}

/** Checks every rule of docs/sources.md over the content folder `dir`. */
export async function checkSourcePolicy(dir: string): Promise<SourcePolicyReport> {
  const bibliography = collectBibliography(dir);
  const registry = collectEntities(join(dir, 'entities'));
  const problems: PlacedProblem[] = [...bibliography.problems, ...registry.problems, ...entityCitationProblems(bibliography.listed, registry.citing)];

  const refs = sourceRefs(bibliography.listed);
  const documents: CitingDocument[] = [];
  for (const { path, markdown } of documentFiles('.', join(dir, 'documents'))) {
    problems.push(...frontmatterProblems(markdown, documentSchema).map((problem) => ({ path, ...problem })));
    const notes = await noteCitations(markdown, path, refs);
    problems.push(...notes.problems);
    documents.push({ slug: slugOf(markdown), path, notes: notes.cited, related: relatedRecordCitations(markdown, path) });
  }
  problems.push(...relatedRecordProblems(bibliography.listed, documents), ...collectionProblems(bibliography.listed, registry.citing, documents));

  return {
    problems,
    registry: registry.registry,
    counts: countCited(bibliography.works, citedIds(registry.citing, documents)),
  };
}
