/**
 * What is said of an entity besides its name: its dates and coordinates as a reader says them,
 * on its own page (`entityPageView`) and in the short hover notes of the reading page (the
 * document's names.json).
 */
import { type Entity, entityFiles } from '../schemas/entity.ts';
import { formatDateRange, formatPartialDate } from './dates.ts';
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

/** One labelled fact of an entry: "Born", "14 October 1959". */
export interface Fact {
  label: string;
  value: string;
}

/** The dates an entry states, each with its label, in the order a reader expects them. */
export function entityDateFacts(entity: Entity): Fact[] {
  const dated = (label: string, value: string | undefined): Fact[] => (value ? [{ label, value: formatPartialDate(value) }] : []);
  switch (entity.type) {
    case 'person':
      return [...dated('Born', entity.born), ...dated('Died', entity.died)];
    case 'organization':
      return [...dated('Founded', entity.founded), ...dated('Dissolved', entity.dissolved)];
    case 'event':
      return [{ label: 'Date', value: formatDateRange(entity.start, entity.end) }];
    case 'document':
      return dated('Date', entity.date);
    default:
      return [];
  }
}

/** [longitude, latitude] as a reader says it: [116.4, 39.9] → "39.90° N, 116.40° E". */
export function formatCoordinates([longitude, latitude]: readonly [number, number]): string {
  return `${Math.abs(latitude).toFixed(2)}° ${latitude >= 0 ? 'N' : 'S'}, ${Math.abs(longitude).toFixed(2)}° ${longitude >= 0 ? 'E' : 'W'}`;
}

/** What an entity's page knows besides the entity: which page of its mentions it is. */
export interface EntityPageInput {
  entity: Entity;
  /** This page of the list of documents that mention the entity (`ListPage` without its items). */
  listPage: { number: number; count: number; first: number; last: number; total: number };
  /** How many paragraphs mention the entity, in all documents. */
  paragraphCount: number;
}

/** The words an entity's page prints, apart from the entity's own fields and the lists. */
export interface EntityPageView {
  /** "Person", "Place"… */
  kind: string;
  title: string;
  description: string;
  /** The page's heading: the name, or on a following page which page of the mentions it is. */
  heading: string;
  dates: Fact[];
  /** For a place: where the map puts it. A region's point is only where its name goes. */
  place?: Fact;
  /** The heading over the mentions: "Mentioned in 3 paragraphs of 2 documents". */
  mentionsHeading: string;
  /** On the first of several pages: where the other documents are. */
  pagesNote?: string;
}

export function entityPageView({ entity, listPage, paragraphCount }: EntityPageInput): EntityPageView {
  const kind = entityFiles[entity.type].singular;
  const documents = listPage.total;
  const paragraphs = `${paragraphCount} ${paragraphCount === 1 ? 'paragraph' : 'paragraphs'}`;
  const place =
    entity.type === 'place' ? { place: { label: entity.region ? 'Label on the map' : 'Coordinates', value: formatCoordinates(entity.coordinates) } } : {};
  if (listPage.number === 1) {
    return {
      kind,
      title: entity.name,
      description: `${kind}: ${entity.name}. ${entity.gloss}`,
      heading: entity.name,
      dates: entityDateFacts(entity),
      ...place,
      mentionsHeading: `Mentioned in ${paragraphs}${documents > 1 ? ` of ${documents} documents` : ''}`,
      ...(listPage.count > 1 ? { pagesNote: `Documents ${listPage.first}–${listPage.last}, oldest first; the others are on the following pages.` } : {}),
    };
  }
  // The following pages carry only the list: no facts.
  return {
    kind,
    title: `${entity.name}: mentions, page ${listPage.number}`,
    description: `The paragraphs that mention ${entity.name}, documents ${listPage.first}–${listPage.last} of ${documents}.`,
    heading: `${entity.name}: mentions, page ${listPage.number} of ${listPage.count}`,
    dates: [],
    mentionsHeading: `Mentioned in ${paragraphs} of ${documents} documents: documents ${listPage.first}–${listPage.last}, oldest first`,
  };
}
