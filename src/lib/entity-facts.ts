/**
 * What a short note on an entity says besides its name: its dates, as a reader says them, and
 * the first sentence of its gloss. The hover notes of the reading page take these from the
 * document's names.json.
 */
import type { Entity } from '../schemas/entity.ts';
import { formatDateRange } from './dates.ts';
import { firstSentence } from './entity-index.ts';

const year = (value: string) => value.slice(0, 4);

/** "1893–1976", "born 1935", "founded 1921", "23 August – 22 September 1958"; undefined without dates. */
export function shortDates(entity: Entity): string | undefined {
  switch (entity.type) {
    case 'person':
      if (entity.born && entity.died) return `${year(entity.born)}–${year(entity.died)}`;
      if (entity.born) return `born ${year(entity.born)}`;
      return entity.died ? `died ${year(entity.died)}` : undefined;
    case 'organization':
      if (entity.founded && entity.dissolved) return `${year(entity.founded)}–${year(entity.dissolved)}`;
      if (entity.founded) return `founded ${year(entity.founded)}`;
      return entity.dissolved ? `dissolved ${year(entity.dissolved)}` : undefined;
    case 'event':
      return formatDateRange(entity.start, entity.end);
    case 'document':
      return entity.date ? formatDateRange(entity.date) : undefined;
    default:
      return undefined;
  }
}

/** One entity as a hover note shows it. */
export interface EntityNote {
  name: string;
  dates?: string;
  gloss: string;
}

/** The notes of the entities a document mentions, by id: the document's names.json. */
export function entityNotes(entities: readonly Entity[], mentioned: ReadonlySet<string>): Record<string, EntityNote> {
  return Object.fromEntries(
    entities
      .filter((entity) => mentioned.has(entity.id))
      .map((entity) => {
        const dates = shortDates(entity);
        return [entity.id, { name: entity.name, ...(dates === undefined ? {} : { dates }), gloss: firstSentence(entity.gloss) }];
      }),
  );
}
