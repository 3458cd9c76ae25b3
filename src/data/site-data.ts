/**
 * The collections as the pages use them: documents with the mentions their rendering found,
 * and the registry. One place, so every page sees the same data.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import { contentDir } from '../content/content-files.ts';
import type { DocumentCitations } from '../content/document-citations.ts';
import { RenderCache } from '../content/render-cache.ts';
import type { IndexedDocument } from '../lib/entity-index.ts';
import { MentionStrings } from '../lib/mention-strings.ts';
import { pageKey } from '../lib/page-key.ts';
import type { Mention } from '../lib/mentions.ts';
import type { InsertionKind } from '../plugins/remark-insertions.ts';
import type { Work } from '../schemas/bibliography.ts';
import type { Entity } from '../schemas/entity.ts';

export interface SiteDocument extends IndexedDocument {
  entry: CollectionEntry<'documents'>;
  /** The kinds of insertion its text has, as the pipeline recorded them (for the reading key). */
  insertionKinds: InsertionKind[];
}

/**
 * The documents' renders and citations, which the documents loader (src/loaders/documents.ts)
 * keeps on disk, not in the content store, each under its entry's digest.
 */
const renders = new RenderCache('.', contentDir);

function renderKey(entry: CollectionEntry<'documents'>): string {
  if (typeof entry.digest !== 'string') throw new Error(`${entry.id}: the documents loader gave no render key.`);
  return entry.digest;
}

/** The document's text as the pipeline rendered it. Read when its page is written, not held. */
export function documentHtml(entry: CollectionEntry<'documents'>): string {
  return renders.html(renderKey(entry));
}

let lastCitations: { key: string; citations: DocumentCitations } | undefined;

/**
 * Every citation of the document and its paragraphs, formatted when it was rendered. The files
 * of one document (.bib, .ris, .json, citations.json) are written one after another, so the
 * last document's citations are kept for the next call, and only those: memory stays flat.
 */
export function documentCitations(entry: CollectionEntry<'documents'>): DocumentCitations {
  const key = renderKey(entry);
  if (lastCitations?.key !== key) lastCitations = { key, citations: renders.citations<DocumentCitations>(key) };
  return lastCitations.citations;
}

function isMentionList(value: unknown): value is Mention[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'entity' in item);
}

let documents: Promise<SiteDocument[]> | undefined;

/**
 * Every document, oldest conversation first (then by slug, so the order never depends on the
 * file system), with its mentions. Read once per build: every list page asks for all of them.
 */
export function siteDocuments(): Promise<SiteDocument[]> {
  documents ??= readDocuments();
  return documents;
}

/** The registry's ids and the paragraphs' labels, one copy of each for every document's mentions. */
const mentionStrings = new MentionStrings();

async function readDocuments(): Promise<SiteDocument[]> {
  const entries = (await getCollection('documents')).sort(
    (a, b) => a.data.conversationDate.localeCompare(b.data.conversationDate) || a.data.slug.localeCompare(b.data.slug),
  );
  return entries.map((entry) => {
    const { mentions, insertionKinds } = renders.frontmatter(renderKey(entry));
    return {
      entry,
      slug: entry.data.slug,
      title: entry.data.title,
      mentions: isMentionList(mentions) ? mentionStrings.share(mentions) : [],
      insertionKinds: Array.isArray(insertionKinds) ? (insertionKinds as InsertionKind[]) : [],
    };
  });
}

/** The registry of names and places. */
export async function siteEntities(): Promise<Entity[]> {
  return (await getCollection('entities')).map((entry) => entry.data);
}

/** The bibliography, by id. */
export async function siteBibliography(): Promise<Map<string, Work>> {
  return new Map((await getCollection('bibliography')).map((entry) => [entry.id, entry.data]));
}

/**
 * The render key of a document (`documentHtml`, `documentCitations`): it changes with the
 * document's file, the registry's spellings, the bibliography's ids and the pipeline's code, so
 * it stands for all a page reads of the render, in a page's key (src/lib/page-key.ts).
 */
export { renderKey as documentRenderKey };

let keys: Promise<{ registry: string; bibliography: string }> | undefined;

/**
 * Keys of what pages read besides their props (src/lib/page-key.ts): the whole registry (a
 * document's names page and names.json show each entity's gloss and dates) and the whole
 * bibliography (every list of sources gives each work's title).
 */
export function sharedPageKeys(): Promise<{ registry: string; bibliography: string }> {
  keys ??= Promise.all([siteEntities(), siteBibliography()]).then(([entities, bibliography]) => ({
    registry: pageKey(entities),
    bibliography: pageKey([...bibliography]),
  }));
  return keys;
}
