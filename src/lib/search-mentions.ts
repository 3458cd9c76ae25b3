/**
 * The paragraphs that mention each entity, best first, as search shows them when a query names
 * it (search/mentions/<id>.json, one small file per entity): known exactly at build time from
 * the mentions the text's rendering records, so that the first results need neither Pagefind
 * nor its index. Pagefind then adds what only shares the query's words.
 *
 * Best first: documents by how often they mention the entity; in each, the paragraph that
 * first mentions it (where the text, and its note, introduce it), then the others by how often
 * they mention it, then in text order. Each paragraph comes with the sentence of its first
 * mention, cut to a few words around it: the excerpt, in the text's own words.
 */
import type { Mention } from './mentions.ts';
import type { Entity } from '../schemas/entity.ts';
import { type IndexedDocument, mentionTargets } from './entity-index.ts';

/** One paragraph: [id, label ("¶ 12"), how many mentions, the excerpt, the words of the mention in it]. */
export type MentionParagraph = [string, string, number, string, string];

export interface MentionDocument {
  /** The document's slug: its page is documents/<slug>/. */
  slug: string;
  title: string;
  paragraphs: MentionParagraph[];
}

export interface MentionsFile {
  /** Documents that mention the entity in all; the file lists the first `documents.length`. */
  total: number;
  documents: MentionDocument[];
}

/** About this many words of a sentence around the mention. */
export const excerptWords = 28;

/** A sentence cut to about `length` words around `words` (the mention), with "…" where it was cut. */
export function excerptAround(sentence: string, words: string, length = excerptWords): string {
  const all = sentence.split(/\s+/).filter(Boolean);
  if (all.length <= length) return all.join(' ');
  const at = sentence.indexOf(words);
  const mentionStart = at < 0 ? 0 : sentence.slice(0, at).split(/\s+/).filter(Boolean).length;
  const mentionLength = Math.max(1, words.split(/\s+/).filter(Boolean).length);
  let start = Math.max(0, mentionStart - Math.floor((length - mentionLength) / 3));
  start = Math.min(start, all.length - length);
  const end = start + length;
  return `${start > 0 ? '… ' : ''}${all.slice(start, end).join(' ')}${end < all.length ? ' …' : ''}`;
}

/** For each entity with mentions, its file: the first `maxDocuments` documents, best first. */
export function mentionFiles(entities: readonly Entity[], documents: readonly IndexedDocument[], maxDocuments = 20): Map<string, MentionsFile> {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const perEntity = new Map<string, { document: IndexedDocument; order: number; mentions: Mention[] }[]>();
  documents.forEach((document, order) => {
    const own = new Map<string, Mention[]>();
    for (const mention of document.mentions) {
      const entity = byId.get(mention.entity);
      if (!entity) continue;
      // An abbreviation's mention is also one of what it stands for, as on the entries' pages.
      for (const target of mentionTargets(entity)) {
        const list = own.get(target);
        if (list) list.push(mention);
        else own.set(target, [mention]);
      }
    }
    // Appended in place: an entity mentioned in every document would otherwise be copied once
    // a document, quadratic in the collection (seconds at 10,000 documents).
    for (const [id, mentions] of own) {
      const found = perEntity.get(id);
      if (found) found.push({ document, order, mentions });
      else perEntity.set(id, [{ document, order, mentions }]);
    }
  });
  const files = new Map<string, MentionsFile>();
  for (const [id, found] of perEntity) {
    const ranked = [...found].sort((a, b) => b.mentions.length - a.mentions.length || a.order - b.order).slice(0, maxDocuments);
    files.set(id, {
      total: found.length,
      documents: ranked.map(({ document, mentions }) => {
        const paragraphs = new Map<string, { first: Mention; count: number; position: number }>();
        mentions.forEach((mention, position) => {
          const known = paragraphs.get(mention.paragraph);
          if (known) known.count++;
          else paragraphs.set(mention.paragraph, { first: mention, count: 1, position });
        });
        const ordered = [...paragraphs.values()].sort((a, b) => a.position - b.position);
        const [first, ...rest] = ordered;
        const best = [...(first ? [first] : []), ...rest.sort((a, b) => b.count - a.count || a.position - b.position)];
        return {
          slug: document.slug,
          title: document.title,
          paragraphs: best.map(
            ({ first: mention, count }): MentionParagraph => [
              mention.paragraph,
              mention.label,
              count,
              excerptAround(mention.sentence, mention.text),
              mention.text,
            ],
          ),
        };
      }),
    });
  }
  return files;
}
