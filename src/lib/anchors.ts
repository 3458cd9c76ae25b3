import { createHash } from 'node:crypto';

/** One permanent anchor in a document: a numbered paragraph or a section heading. */
export interface Anchor {
  /** The id stamped in the Markdown source, e.g. `p12`. */
  id: string;
  /** What readers see and cite, e.g. `¶ 12`. */
  label: string;
  /** Line of the Markdown source where the anchored block starts. */
  line: number;
  /** Hash of the anchored text, see {@link hashText}. */
  hash: string;
  /** The first words of the text, so that a person reading the lock file knows which passage it is. */
  excerpt: string;
}

/** What the lock file keeps of a published anchor. */
export interface LockedAnchor {
  label: string;
  hash: string;
  excerpt: string;
  /**
   * How many entries of the document's correction log named this anchor when it was locked
   * (absent: none). A later change of the text needs one entry more; see corrections.ts.
   */
  corrections?: number;
}

/** The lock file: document slug → anchor id → what was published. */
export type AnchorLock = Record<string, Record<string, LockedAnchor>>;

/** Whitespace is not part of the text: reflowing a paragraph is not a correction. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A short, stable fingerprint of a passage (SHA-256, first 16 hex digits). */
export function hashText(text: string): string {
  return createHash('sha256').update(normalizeText(text)).digest('hex').slice(0, 16);
}

export function excerptOf(text: string, words = 8): string {
  const all = normalizeText(text).split(' ');
  return all.slice(0, words).join(' ') + (all.length > words ? ' …' : '');
}

export interface LockComparison {
  /** Published anchors that the document no longer has. */
  removed: string[];
  /** Anchors whose text differs from what was published. */
  changed: string[];
  /** Anchors not yet in the lock file. */
  added: string[];
}

/** Compares a document's anchors with what was published for it. */
export function compareWithLock(anchors: readonly Anchor[], locked: Readonly<Record<string, LockedAnchor>>): LockComparison {
  const current = new Map(anchors.map((anchor) => [anchor.id, anchor]));
  const removed = Object.keys(locked).filter((id) => !current.has(id));
  const changed = anchors.filter((anchor) => locked[anchor.id] !== undefined && locked[anchor.id]?.hash !== anchor.hash).map((anchor) => anchor.id);
  const added = anchors.filter((anchor) => locked[anchor.id] === undefined).map((anchor) => anchor.id);
  return { removed, changed, added };
}

/**
 * The lock entries for a document's anchors, in document order, with the number of correction
 * log entries that name each anchor (recorded only when there are any).
 */
export function lockEntries(anchors: readonly Anchor[], corrections: ReadonlyMap<string, number> = new Map()): Record<string, LockedAnchor> {
  return Object.fromEntries(
    anchors.map((anchor) => {
      const entry: LockedAnchor = { label: anchor.label, hash: anchor.hash, excerpt: anchor.excerpt };
      const count = corrections.get(anchor.id) ?? 0;
      if (count > 0) entry.corrections = count;
      return [anchor.id, entry];
    }),
  );
}
