/**
 * The Markdown pipeline in one place, in the order the plugins run. astro.config.mjs and the
 * tests use these lists, so the site and the tests render the same way.
 */
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { AnchorLock } from '../lib/anchors.ts';
import { remarkRecordDirectives } from '../lib/text-fragment.ts';
import remarkEntityMentions, { type EntityRef } from './remark-entity-mentions.ts';
import rehypeSafeHtml from './rehype-safe-html.ts';
import rehypeSidenotes from './rehype-sidenotes.ts';
import remarkAnchorLock from './remark-anchor-lock.ts';
import remarkFootnoteCheck from './remark-footnote-check.ts';
import remarkInsertions from './remark-insertions.ts';
import remarkParagraphIds from './remark-paragraph-ids.ts';
import remarkSourceLinks, { type SourceRef } from './remark-source-links.ts';

export interface PipelineOptions {
  /** Published anchors; a document that lost one fails to build. */
  lock?: AnchorLock;
  /** Where the lock lives, for the build error's message. */
  lockPath?: string;
  /** The registry of names and places, whose mentions are linked. */
  entities?: readonly EntityRef[];
  /** The bibliography (content/bibliography.yaml), whose works the notes cite as `source:<id>`. */
  bibliography?: readonly SourceRef[];
  /** The site's base path, for links to entity and document pages. Default: `/`. */
  base?: string;
}

/** Run after remark-gfm (Astro adds it first). */
export function remarkPlugins(options: PipelineOptions = {}): RemarkPlugins {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  return [
    remarkFootnoteCheck,
    [remarkSourceLinks, { works: options.bibliography, documentUrl: (slug: string) => `${base}documents/${slug}/` }],
    remarkParagraphIds,
    remarkRecordDirectives,
    [remarkAnchorLock, { lock: options.lock, lockPath: options.lockPath }],
    remarkInsertions,
    [
      remarkEntityMentions,
      {
        entities: options.entities,
        entityUrl: (id: string) => `${base}entities/${id}/`,
      },
    ],
  ];
}

/** Footnote ids stay as their labels (`fn-quemoy`): they are anchors readers may cite. */
export const remarkRehypeOptions: RemarkRehypeOptions = { clobberPrefix: '' };

/**
 * Run after remark-rehype, which Astro calls with `allowDangerousHtml`; Astro runs rehype-raw
 * after these. rehype-safe-html comes first, so that the HTML it checks is the author's.
 */
export function rehypePlugins(): RehypePlugins {
  return [rehypeSafeHtml, rehypeSidenotes];
}
