import type { Entity } from '../schemas/entity.ts';

/** One dated item of the timeline. */
export interface TimelineItem {
  /** The entity's id, a document's slug for its own dates, or for `documents` the address of a year in the list. */
  id: string;
  kind: 'event' | 'document' | 'record' | 'documents';
  name: string;
  start: string;
  end?: string;
  summary: string;
}

/** The year of a partial date, "1959-10-14" → "1959". */
export const yearOf = (date: string): string => date.slice(0, 4);

/**
 * The dated events and documents of the registry, with the documents' own dates (the
 * conversation, the record), in order. Items of the same start keep the registry's order, so
 * the result is stable.
 */
export function timelineItems(entities: readonly Entity[], records: readonly TimelineItem[]): TimelineItem[] {
  const dated: TimelineItem[] = entities.flatMap((entity): TimelineItem[] => {
    if (entity.type === 'event') {
      return [{ id: entity.id, kind: 'event', name: entity.name, start: entity.start, ...(entity.end ? { end: entity.end } : {}), summary: entity.gloss }];
    }
    if (entity.type === 'document' && entity.date) {
      return [{ id: entity.id, kind: 'document', name: entity.name, start: entity.date, summary: entity.gloss }];
    }
    return [];
  });
  return [...dated, ...records].sort((a, b) => a.start.localeCompare(b.start));
}

/** Items grouped by the year they start in. */
export function byYear(items: readonly TimelineItem[]): { year: string; items: TimelineItem[] }[] {
  const groups: { year: string; items: TimelineItem[] }[] = [];
  for (const item of items) {
    const year = yearOf(item.start);
    const last = groups.at(-1);
    if (last?.year === year) last.items.push(item);
    else groups.push({ year, items: [item] });
  }
  return groups;
}
