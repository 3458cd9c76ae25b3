import type { Mention } from './mentions.ts';
import type { Entity, EntityType } from '../schemas/entity.ts';
import { entityTypes } from '../schemas/entity.ts';

/** A document as the index needs it: where it lives and what its text mentions. */
export interface IndexedDocument {
  slug: string;
  title: string;
  mentions: readonly Mention[];
}

/** How many documents an entity page lists the mentions of, before the next page. */
export const mentionDocumentsPerPage = 50;

/** Every paragraph of one document that mentions an entity, in document order. */
export interface DocumentMentions {
  slug: string;
  title: string;
  paragraphs: { paragraph: string; label: string; sentence: string; text: string }[];
}

/**
 * The entities an entity's mentions count for: itself, and for an abbreviation also what it
 * stands for ("CPR" is a mention of the People's Republic of China).
 */
export function mentionTargets(entity: Entity): string[] {
  return entity.type === 'abbreviation' && entity.refersTo ? [entity.id, entity.refersTo] : [entity.id];
}

/** For each entity id, the paragraphs that mention it, by document. One entry per paragraph. */
export function mentionsByEntity(entities: readonly Entity[], documents: readonly IndexedDocument[]): Map<string, DocumentMentions[]> {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const result = new Map<string, DocumentMentions[]>(entities.map((entity) => [entity.id, []]));
  for (const document of documents) {
    const perEntity = new Map<string, DocumentMentions>();
    for (const mention of document.mentions) {
      const entity = byId.get(mention.entity);
      if (entity === undefined) continue;
      for (const target of mentionTargets(entity)) {
        let entry = perEntity.get(target);
        if (entry === undefined) {
          entry = { slug: document.slug, title: document.title, paragraphs: [] };
          perEntity.set(target, entry);
        }
        if (!entry.paragraphs.some((paragraph) => paragraph.paragraph === mention.paragraph)) {
          entry.paragraphs.push({ paragraph: mention.paragraph, label: mention.label, sentence: mention.sentence, text: mention.text });
        }
      }
    }
    for (const [id, entry] of perEntity) result.get(id)?.push(entry);
  }
  return result;
}

/** The entities one document mentions, grouped by type in the registry's order, each with its paragraphs. */
export function documentEntities(
  entities: readonly Entity[],
  mentions: readonly Mention[],
): { type: EntityType; entries: { entity: Entity; paragraphs: { paragraph: string; label: string }[] }[] }[] {
  const paragraphs = new Map<string, { paragraph: string; label: string }[]>();
  for (const mention of mentions) {
    const list = paragraphs.get(mention.entity) ?? [];
    if (!list.some((item) => item.paragraph === mention.paragraph)) list.push({ paragraph: mention.paragraph, label: mention.label });
    paragraphs.set(mention.entity, list);
  }
  return entityTypes
    .map((type) => ({
      type,
      entries: sortByName(entities.filter((entity) => entity.type === type && paragraphs.has(entity.id))).map((entity) => ({
        entity,
        paragraphs: paragraphs.get(entity.id) ?? [],
      })),
    }))
    .filter((group) => group.entries.length > 0);
}

/** Alphabetical by name, ignoring case and accents. */
export function sortByName<T extends { name: string }>(items: readonly T[]): T[] {
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return [...items].sort((a, b) => collator.compare(a.name, b.name));
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
/**
 * Where the segmenter sees a sentence end that is not one: an initial ("M. A. Suslov", "S. F.
 * Antonov") or a title before a name. The glosses are full of Russian names with initials.
 */
const notAnEnd = /(?:^|[\s(“"])(?:\p{Lu}|Mr|Mrs|Dr|St|Gen|Col|Lt|Adm|Mt)\.\s*$/u;

/**
 * Each gloss's first sentence, once: every document's page of names asks again for the same
 * few hundred glosses, and the segmenter is slow (12 s of a 10,000-document build).
 */
const firstSentences = new Map<string, string>();

/** The first sentence of a gloss, for lists. */
export function firstSentence(text: string): string {
  let sentence = firstSentences.get(text);
  if (sentence === undefined) {
    sentence = findFirstSentence(text);
    firstSentences.set(text, sentence);
  }
  return sentence;
}

function findFirstSentence(text: string): string {
  let sentence = '';
  for (const { segment } of sentences.segment(text)) {
    sentence += segment;
    if (!notAnEnd.test(sentence)) break;
  }
  return sentence.trim() || text;
}
