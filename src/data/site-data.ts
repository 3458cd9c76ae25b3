/**
 * The collections as the pages use them: documents with the mentions their rendering found,
 * and the registry. One place, so every page sees the same data.
 */
import { type CollectionEntry, getCollection, render } from 'astro:content';
import type { IndexedDocument } from '../lib/entity-index.ts';
import type { Mention } from '../lib/mentions.ts';
import type { Work } from '../schemas/bibliography.ts';
import type { Entity } from '../schemas/entity.ts';

export interface SiteDocument extends IndexedDocument {
  entry: CollectionEntry<'documents'>;
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

async function readDocuments(): Promise<SiteDocument[]> {
  const entries = (await getCollection('documents')).sort(
    (a, b) => a.data.conversationDate.localeCompare(b.data.conversationDate) || a.data.slug.localeCompare(b.data.slug),
  );
  return Promise.all(
    entries.map(async (entry) => {
      const { remarkPluginFrontmatter } = await render(entry);
      const mentions = remarkPluginFrontmatter['mentions'];
      return { entry, slug: entry.data.slug, title: entry.data.title, mentions: isMentionList(mentions) ? mentions : [] };
    }),
  );
}

/** The registry of names and places. */
export async function siteEntities(): Promise<Entity[]> {
  return (await getCollection('entities')).map((entry) => entry.data);
}

/** The bibliography, by id. */
export async function siteBibliography(): Promise<Map<string, Work>> {
  return new Map((await getCollection('bibliography')).map((entry) => [entry.id, entry.data]));
}
