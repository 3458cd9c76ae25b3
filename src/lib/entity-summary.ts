/**
 * An entity in a line, for the card that search shows when a query names it: its dates as a
 * reader says them and the role it had on the documents' date (the gloss's first sentence).
 */
import type { Entity } from '../schemas/entity.ts';
import { formatDateRange, formatPartialDate } from './dates.ts';
import { firstSentence } from './entity-index.ts';

const year = (date: string) => date.slice(0, 4);

/** A span of years (`1893–1976`), one end of it (`born 1931`), an event's dates, or nothing. */
export function entityDates(entity: Entity): string | undefined {
  const span = (from: string | undefined, to: string | undefined, since: string, until: string) =>
    from && to ? `${year(from)}–${year(to)}` : from ? `${since} ${year(from)}` : to ? `${until} ${year(to)}` : undefined;
  switch (entity.type) {
    case 'person':
      return span(entity.born, entity.died, 'born', 'died');
    case 'organization':
      return span(entity.founded, entity.dissolved, 'founded', 'dissolved');
    case 'event':
      return formatDateRange(entity.start, entity.end);
    case 'document':
      return entity.date ? formatPartialDate(entity.date) : undefined;
    default:
      return undefined;
  }
}

/**
 * The role on the documents' date: the gloss's first sentence (as the names index shows it),
 * cut at a word with "…" past `limit` characters.
 */
export function entityRole(gloss: string, limit = 220): string {
  const sentence = firstSentence(gloss);
  if (sentence.length <= limit) return sentence;
  const cut = sentence.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit / 2)).replace(/[\s,;:–-]+$/, '')}…`;
}
