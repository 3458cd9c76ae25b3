/**
 * Every problem of a content folder that can be found without rendering its documents: the
 * registry, the bibliography and the blocked hosts, each document's frontmatter, slug, related
 * records and correction log. The documents loader (src/loaders/documents.ts) adds what the
 * rendering finds and reports everything at once, so that an editor with five mistakes sees
 * five lines, not five builds. Nothing here stops at a problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { z } from 'astro/zod';
import {
  type CitingDocument,
  collectBibliography,
  entityCitationProblems,
  type LocatedWork,
  relatedRecordCitations,
  relatedRecordProblems,
} from './bibliography.ts';
import { documentFiles } from './content-files.ts';
import { correctionLogPath, correctionLogProblems, readCorrectionLog } from './corrections.ts';
import { documentAnchors } from './document-anchors.ts';
import { type CitingEntity, collectEntities } from './entities.ts';
import { controlCharacterMessage, findControlCharacters } from '../lib/control-characters.ts';
import { frontmatterProblems } from './frontmatter-check.ts';
import { type PlacedProblem, parseYaml, placeOf } from './yaml-problems.ts';

export type { PlacedProblem };

/** A document whose frontmatter is valid and whose slug is its own: one the build renders. */
export interface CheckedDocument {
  path: string;
  markdown: string;
  frontmatter: Record<string, unknown>;
  slug: string;
}

export interface ContentCheck {
  problems: PlacedProblem[];
  documents: CheckedDocument[];
  /** The valid works, and the registry's citations, for the count of works cited. */
  works: LocatedWork[];
  citingEntities: CitingEntity[];
  /** Every document's related records, whatever else is wrong in it. */
  citing: Pick<CitingDocument, 'path' | 'related'>[];
}

/**
 * Checks the content folder `dir` (relative to the working directory, or absolute): each
 * problem at its file, line and column, in the order the files are read.
 */
export async function checkContent(dir: string, schema: z.ZodType): Promise<ContentCheck> {
  const bibliography = collectBibliography(dir);
  const registry = collectEntities(join(dir, 'entities'));
  const problems: PlacedProblem[] = [
    ...bibliography.problems,
    ...registry.problems,
    ...registry.registry,
    ...entityCitationProblems(bibliography.listed, registry.citing),
  ];

  const documents: CheckedDocument[] = [];
  const citing: Pick<CitingDocument, 'path' | 'related'>[] = [];
  const slugs = new Map<string, string>();
  for (const { path, markdown } of documentFiles('.', join(dir, 'documents'))) {
    citing.push({ path, related: relatedRecordCitations(markdown, path) });
    const found = frontmatterProblems(markdown, schema).map((problem) => ({ path, ...problem }));
    problems.push(...found);
    if (found.length > 0) {
      problems.push(...invisibleCharacters(path, markdown, found));
      continue;
    }
    const { frontmatter } = parseFrontmatter(markdown);
    const slug = String(frontmatter['slug']);
    const other = slugs.get(slug);
    if (other !== undefined) {
      const duplicate = {
        path,
        line: lineOf(markdown, /^slug\s*:/),
        column: 1,
        message: `slug "${slug}" is already used by ${other}. Give every document its own slug.`,
      };
      problems.push(duplicate, ...invisibleCharacters(path, markdown, [duplicate]));
      continue;
    }
    slugs.set(slug, path);
    documents.push({ path, markdown, frontmatter, slug });
  }
  problems.push(...relatedRecordProblems(bibliography.listed, citing));
  for (const document of documents) problems.push(...(await correctionLogCheck(document, join(dir, 'corrections'))));

  return { problems, documents, works: bibliography.works, citingEntities: registry.citing, citing };
}

/**
 * A document's correction log: its fields, and that every paragraph it names is in the
 * document. A document whose paragraphs cannot be read is reported by its rendering.
 */
async function correctionLogCheck(document: CheckedDocument, dir: string): Promise<PlacedProblem[]> {
  const logPath = correctionLogPath(document.slug, dir);
  if (!existsSync(logPath)) return [];
  const text = readFileSync(logPath, 'utf8');
  const found = correctionLogProblems(text).map((problem) => ({ path: logPath, ...problem }));
  if (found.length > 0) return found;
  const entries = readCorrectionLog(logPath);
  // Most documents have no corrections: parsing them only to check no ids would cost as much
  // as rendering them again.
  if (entries.length === 0) return [];
  const anchors = await documentAnchors(document.markdown, document.path).then(
    (parsed) => parsed.anchors,
    () => undefined,
  );
  if (anchors === undefined) return [];
  const ids = new Set(anchors.map((anchor) => anchor.id));
  const parsed = parseYaml(text);
  return entries.flatMap((entry, index) =>
    entry.paragraphs.flatMap((id, position) =>
      ids.has(id)
        ? []
        : [
            {
              path: logPath,
              ...placeOf(parsed, [index, 'paragraphs', position]),
              message: `The correction log names #${id}, which ${document.path} does not have. Use the id at the end of the corrected paragraph, e.g. p12 for "{#p12}".`,
            },
          ],
    ),
  );
}

/** The line of the first line of `text` that matches, or 1. */
/**
 * The control and invisible characters of a document the build will not render (its rendering
 * would report them, remark-control-characters), but those its frontmatter check has reported.
 */
function invisibleCharacters(path: string, markdown: string, reported: readonly PlacedProblem[]): PlacedProblem[] {
  const at = new Set(reported.map((problem) => `${problem.line}:${problem.column}`));
  return findControlCharacters(markdown)
    .filter((run) => !at.has(`${run.line}:${run.column}`))
    .map((run) => ({ path, line: run.line, column: run.column, message: controlCharacterMessage(run) }));
}

function lineOf(text: string, pattern: RegExp): number {
  return Math.max(1, text.split('\n').findIndex((line) => pattern.test(line)) + 1);
}

/** The problems, by file and place, one line each: `file:line:column  what is wrong, and what to do`. */
export function problemLines(problems: readonly PlacedProblem[]): string[] {
  return [...problems]
    .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column)
    .map((problem) => `${problem.path}:${problem.line}:${problem.column}  ${problem.message}`);
}

/** What the build prints before it stops: a heading, and every problem on its line. */
export function contentReport(problems: readonly PlacedProblem[]): string {
  const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
  return [
    `The content has ${count}. Each line gives the file, line and column, what is wrong and what to do:`,
    ...problemLines(problems).map((line) => `  ${line}`),
  ].join('\n');
}

/**
 * The error the build stops with once the problems are printed. It has no stack: the place of
 * each problem is in the report, and a trace of the build's own code would bury it. (Astro
 * prints an error's stack when it has one, and its message alone otherwise.)
 */
export class ContentProblems extends Error {
  constructor(count: number) {
    super(`The build stopped on ${count === 1 ? 'one problem' : `${count} problems`} in the content, listed above. Fix each at its place and build again.`);
    this.name = 'ContentProblems';
    this.stack = '';
  }
}
