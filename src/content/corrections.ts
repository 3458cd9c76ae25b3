/**
 * The correction log, tied to the anchor lock. A published paragraph's text may change only
 * with an entry in the document's log (content/corrections/<slug>.yaml); the lock counts, for
 * each anchor, the entries it has recorded, so a new change needs a new entry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type CorrectionLog, correctionLogSchema } from '../schemas/corrections.ts';
import { type Anchor, compareWithLock, type LockedAnchor } from '../lib/anchors.ts';
import { contentDir } from './content-files.ts';
import { type FrontmatterProblem, yamlProblems } from './frontmatter-check.ts';

/** Where a document's correction log lives. */
export function correctionLogPath(slug: string, dir = `${contentDir}/corrections`): string {
  return `${dir}/${slug}.yaml`;
}

/** Problems in a log file's text, each at its line. */
export function correctionLogProblems(text: string): FrontmatterProblem[] {
  return yamlProblems(text, correctionLogSchema, 1, 'The correction log');
}

/** Reads a log that is known to be valid; a missing file is an empty log. */
export function readCorrectionLog(path: string): CorrectionLog {
  if (!existsSync(path)) return [];
  return correctionLogSchema.parse(parse(readFileSync(path, 'utf8')) ?? []);
}

/** How many log entries name each paragraph. */
export function entryCounts(log: CorrectionLog): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of log) for (const id of new Set(entry.paragraphs)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export interface CorrectionCheck {
  /** Published paragraphs whose text changed with no new log entry: the editor must add one. */
  unlogged: string[];
  /** Changed paragraphs with a new entry, not yet recorded in the lock (run the lock script). */
  unlocked: string[];
  /** Paragraphs named by more entries than the lock recorded, though their text is as published. */
  unchanged: string[];
  /** Ids named in the log that the document does not have. */
  unknown: string[];
}

/**
 * Compares a document's anchors and its log with the lock. The lock's `corrections` on an anchor
 * is the number of entries naming it when it was last locked: a changed text needs one more.
 */
export function checkCorrections(anchors: readonly Anchor[], locked: Readonly<Record<string, LockedAnchor>>, log: CorrectionLog): CorrectionCheck {
  const counts = entryCounts(log);
  const { changed } = compareWithLock(anchors, locked);
  const changedSet = new Set(changed);
  const isNew = (id: string) => (counts.get(id) ?? 0) > (locked[id]?.corrections ?? 0);
  const ids = new Set(anchors.map((anchor) => anchor.id));
  return {
    unlogged: changed.filter((id) => !isNew(id)),
    unlocked: changed.filter(isNew),
    unchanged: anchors.filter((a) => locked[a.id] !== undefined && !changedSet.has(a.id) && isNew(a.id)).map((a) => a.id),
    unknown: [...counts.keys()].filter((id) => !ids.has(id)),
  };
}

/** A ready-to-paste log entry for paragraphs that changed without one. */
export function entryTemplate(ids: readonly string[], today: string): string {
  return [
    `- date: "${today}"`,
    `  paragraphs: [${ids.join(', ')}]`,
    '  change: "What changed, e.g. a misread word restored to the printed reading."',
    '  reason: "Why, e.g. a typing error in the transcription, checked against the print."',
  ].join('\n');
}

/**
 * What the editor must do, one message per problem, or none. `documentPath` and `logPath` name
 * the files; `labels` gives each id its visible label.
 */
export function correctionMessages(
  check: CorrectionCheck,
  paths: { documentPath: string; logPath: string; lockPath: string },
  labels: ReadonlyMap<string, string>,
  today: string,
): string[] {
  const name = (id: string) => `${labels.get(id) ?? id} (#${id})`;
  const messages: string[] = [];
  if (check.unlogged.length > 0) {
    messages.push(
      `The published text of ${check.unlogged.map(name).join(', ')} in ${paths.documentPath} has changed, and ${paths.logPath} has no new entry for it. Readers may have cited the old text: add an entry to ${paths.logPath} (create the file if it is missing) saying what changed and why:\n\n${entryTemplate(check.unlogged, today)}\n\nthen run "npm run anchors:lock" and commit the log, the lock and the change together. If the change was not meant, undo it.`,
    );
  }
  if (check.unlocked.length > 0) {
    messages.push(
      `${check.unlocked.map(name).join(', ')} in ${paths.documentPath} changed, and ${paths.logPath} records the correction, but ${paths.lockPath} does not yet: run "npm run anchors:lock" and commit the lock.`,
    );
  }
  if (check.unchanged.length > 0) {
    messages.push(
      `${paths.logPath} has an entry for ${check.unchanged.map(name).join(', ')}, but the text is still as published. Make the correction in ${paths.documentPath} (then run "npm run anchors:lock"), or remove the paragraph from the entry.`,
    );
  }
  if (check.unknown.length > 0) {
    messages.push(
      `${paths.logPath} names ${check.unknown.map((id) => `#${id}`).join(', ')}, which ${paths.documentPath} does not have. Use the id at the end of the corrected paragraph, e.g. p12 for "{#p12}".`,
    );
  }
  return messages;
}
