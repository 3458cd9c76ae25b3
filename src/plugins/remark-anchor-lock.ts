// Brings the type of `file.data.astro`, where Astro puts the frontmatter.
import type {} from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { type AnchorLock, compareWithLock } from '../lib/anchors.ts';

export interface Options {
  /** The published anchors of every document, by slug. Default: none, nothing is checked. */
  lock?: AnchorLock;
  /** Where the lock lives, for the message. Default: `content/anchors.lock.json`. */
  lockPath?: string;
}

/**
 * Fails the build when a published anchor has disappeared from its document: links and
 * citations in the wild point at it. Reads the anchors that remark-paragraph-ids recorded
 * (run it first) and the document's `slug` from its frontmatter.
 * Changed text is not a build error (an editor corrects in steps); the tests require every
 * change to be recorded in the lock.
 */
const remarkAnchorLock: Plugin<[Options?], Root> = (options = {}) => {
  const lockPath = options.lockPath ?? 'content/anchors.lock.json';
  return (tree, file) => {
    const slug = file.data.astro?.frontmatter?.['slug'];
    if (options.lock === undefined || typeof slug !== 'string') return;
    const published = options.lock[slug];
    if (published === undefined) return;
    const { removed } = compareWithLock(file.data.anchors ?? [], published);
    if (removed.length === 0) return;
    const list = removed.map((id) => `#${id} (${published[id]?.label ?? id}: “${published[id]?.excerpt ?? ''}”)`).join(', ');
    file.message(
      `Published anchor${removed.length > 1 ? 's' : ''} ${list} ${removed.length > 1 ? 'are' : 'is'} missing from this document. Links and citations point at ${removed.length > 1 ? 'them' : 'it'}: put the marker back at the end of the paragraph (e.g. " {#${removed[0]}}"). An anchor is never removed; see ${lockPath}.`,
      tree,
      'remark-anchor-lock:removed',
    );
  };
};

export default remarkAnchorLock;
