/**
 * The timeline: the registry's dated events and documents, and the documents' own dates, in
 * order, by year; and what the timeline page prints of each.
 */
import type { Entity } from '../schemas/entity.ts';
import { formatDate, formatDateRange, formatPartialDate } from './dates.ts';
import { groupByYear, listPageAddress, yearStarts } from './document-list.ts';
import { type DocumentMentions, firstSentence } from './entity-index.ts';
import { sitePath } from './site.ts';

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

/** A document as the timeline needs it (a document's front matter has these fields). */
export interface TimelineDocument {
  slug: string;
  title: string;
  conversationDate: string;
  recordDate: string;
  documentType: string;
  author: { name: string };
  participants: readonly { name: string }[];
}

/**
 * The documents' own dates: each conversation and its record, or, for a year of more than
 * `perYear` documents, one line that leads to that year in the list of documents (whose
 * address, with `base`, is the item's id). `documents` come oldest first.
 */
export function documentRecords(documents: readonly TimelineDocument[], base: string, perYear = 3): TimelineItem[] {
  const starts = yearStarts(documents.map((document) => document.conversationDate));
  return groupByYear(documents, (document) => document.conversationDate).flatMap(({ year, items }): TimelineItem[] =>
    items.length > perYear
      ? [
          {
            id: `${listPageAddress(base, 'oldest', starts.get(year)?.page ?? 1)}#year-${year}`,
            kind: 'documents',
            name: `${items.length} documents of ${year}`,
            start: `${year}-01-01`,
            summary: 'The conversations recorded in the documents of this year, in the list of documents.',
          },
        ]
      : items.flatMap((document): TimelineItem[] => [
          {
            id: document.slug,
            kind: 'record',
            name: `The conversation: ${document.title}`,
            start: document.conversationDate,
            summary: `${document.participants.map((person) => person.name).join(', ')}.`,
          },
          {
            id: document.slug,
            kind: 'record',
            name: `The record is dated: ${document.title}`,
            start: document.recordDate,
            summary: `${document.documentType}, by ${document.author.name}.`,
          },
        ]),
  );
}

/** One line of the timeline as the page prints it. */
export interface TimelineEntry {
  kind: TimelineItem['kind'];
  /** "14 October 1959", "1918 – August 1940", or a year for a year's documents. */
  date: string;
  name: string;
  href: string;
  /** For an entity, the first sentence of its gloss; for a document's own dates, the whole line. */
  summary: string;
  /** For the registry's events and documents: the entity, and the paragraphs that mention it, if any. */
  mentioned?: { entityId: string; mentions: DocumentMentions[] };
}

export interface TimelineView {
  /** The page's description, naming the span of the events it shows. */
  description: string;
  /** What of the documents' own dates is marked: one conversation, or many; empty without documents. */
  recordsNote: string;
  years: { year: string; entries: TimelineEntry[] }[];
}

/** A registry name without a date in parenthesis at its end: "Treaty (February 1950)" → "Treaty". */
const undated = (name: string) => name.replace(/ \([^()]*\d[^()]*\)$/, '');

/**
 * What the timeline describes: the events and documents the texts refer to, from the first to
 * the last, each named with its date ("from 1918 (First event) to …"). The documents' own
 * dates are not what the texts refer to and set no end.
 */
export function timelineDescription(items: readonly TimelineItem[]): string {
  const referred = items.filter((item) => item.kind === 'event' || item.kind === 'document');
  const named = (item: TimelineItem) => `${formatPartialDate(item.start)} (${undated(item.name)})`;
  const [first, last] = [referred[0], referred.at(-1)];
  const span = first === undefined || last === undefined ? '' : first === last ? `, in ${named(first)}` : `, from ${named(first)} to ${named(last)}`;
  return `The events and documents the texts refer to, in order${span}, each linked to its paragraphs.`;
}

/**
 * The timeline page: the registry's dated entities and the documents' records in order, by
 * year, each with its date as a reader says it, its link and the paragraphs that mention it.
 */
export function timelineView(
  entities: readonly Entity[],
  records: readonly TimelineItem[],
  mentions: ReadonlyMap<string, DocumentMentions[]>,
  base: string,
): TimelineView {
  const items = timelineItems(entities, records);
  const entry = (item: TimelineItem): TimelineEntry => {
    // A document's own lines are one sentence already, of names with initials ("S. F. Antonov")
    // that a sentence splitter would cut at; an entity's gloss is cut to its first sentence.
    const shared = { kind: item.kind, name: item.name, summary: item.summary };
    if (item.kind === 'record') return { ...shared, date: formatDate(item.start), href: sitePath(base, `documents/${item.id}/`) };
    if (item.kind === 'documents') return { ...shared, date: yearOf(item.start), href: item.id };
    const mentioned = mentions.get(item.id) ?? [];
    return {
      ...shared,
      summary: firstSentence(item.summary),
      date: formatDateRange(item.start, item.end),
      href: sitePath(base, `entities/${item.id}/`),
      ...(mentioned.length > 0 ? { mentioned: { entityId: item.id, mentions: mentioned } } : {}),
    };
  };
  const one = records.every((record) => record.kind === 'record' && record.id === records[0]?.id);
  return {
    description: timelineDescription(items),
    recordsNote:
      records.length === 0
        ? ''
        : one
          ? 'The conversation and the date of its record are marked.'
          : 'The documents’ conversations and the dates of their records are marked.',
    years: byYear(items).map(({ year, items: inYear }) => ({ year, entries: inYear.map(entry) })),
  };
}
