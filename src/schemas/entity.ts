import { z } from 'astro/zod';
import { calendarProblem } from '../lib/dates.ts';
import { workId } from './bibliography.ts';

/** The kinds of entity, each kept in its own file under content/entities/. */
export const entityTypes = ['person', 'place', 'organization', 'event', 'document', 'abbreviation'] as const;
export type EntityType = (typeof entityTypes)[number];

/** The file of each kind, and what readers call the kind. */
export const entityFiles: Record<EntityType, { file: string; plural: string; singular: string }> = {
  person: { file: 'people.yaml', plural: 'People', singular: 'Person' },
  place: { file: 'places.yaml', plural: 'Places', singular: 'Place' },
  organization: { file: 'organizations.yaml', plural: 'Organizations', singular: 'Organization' },
  event: { file: 'events.yaml', plural: 'Events', singular: 'Event' },
  document: { file: 'documents.yaml', plural: 'Documents', singular: 'Document' },
  abbreviation: { file: 'abbreviations.yaml', plural: 'Abbreviations', singular: 'Abbreviation' },
};

/** Unknown fields are typos until proven otherwise: say so instead of dropping them. */
const strict = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `Unknown field${(issue.keys?.length ?? 0) > 1 ? 's' : ''} ${issue.keys?.map((key) => `"${key}"`).join(', ')}: check the spelling (the fields are described in src/schemas/entity.ts).`
      : undefined,
};

const text = (what: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${what} is required.` : `${what} must be text (in quotes if in doubt).`),
    })
    .trim()
    .min(1, { error: `${what} must not be empty.` });

/**
 * A date as precise as it is known: "1959", "1959-10" or "1959-10-14", naming a month and day
 * of the calendar ("1959-02-30" is refused as no such day).
 */
const partialDate = (what: string) =>
  z
    .string({ error: `${what} must be a date written "YYYY", "YYYY-MM" or "YYYY-MM-DD", in quotes.` })
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, {
      error: `${what} must be a date written "YYYY", "YYYY-MM" or "YYYY-MM-DD", e.g. "1959-10-14". Leave it out if it is not known.`,
    })
    .superRefine((value, context) => {
      const problem = calendarProblem(value);
      if (problem)
        context.addIssue({
          code: 'custom',
          message: `${what}: ${problem} Write the date the sources give, or only the year and month if the day is not known.`,
        });
    });

/**
 * A work of the bibliography against which the entity's facts were checked. The work itself
 * (title, address, kind) is in content/bibliography.yaml; here, where in it and what it confirmed.
 */
const citation = z.strictObject(
  {
    /** The id of the work in content/bibliography.yaml, e.g. "frus-1958-60v19-persons". */
    source: workId('A source’s "source"'),
    /** Where in the work: page, document part, paragraph, e.g. "pp. 175–78", "list of persons", "¶ 12–13". */
    at: text('A source’s "at" (the page, part or paragraph)').optional(),
    /** Exactly which facts of the entry this source confirmed when it was read. */
    checked: text('A source’s "checked" (which facts of the entry it confirms)'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? strict.error(issue)
        : issue.input === null || typeof issue.input !== 'object'
          ? 'Each source must be a group of fields: source (an id of content/bibliography.yaml), at (optional) and checked.'
          : undefined,
  },
);

/**
 * A source written the old way, with its own title and url, gets one message saying how to cite
 * it now, instead of one for each field it lacks and each it has too many.
 */
const source = z
  .unknown()
  .transform((value, context) => {
    if (value !== null && typeof value === 'object' && ('title' in value || 'url' in value)) {
      context.addIssue({
        code: 'custom',
        message:
          'A source names a work of the bibliography instead of giving its title and url: put the work in content/bibliography.yaml (or reuse its id, if its url is there) and write "source: <its id>", with "at" for the page and "checked" for what it confirms.',
      });
      return z.NEVER;
    }
    return value;
  })
  .pipe(citation);

const common = {
  /** Permanent identifier, used in URLs (/entities/<id>/) and in `[text](entity:<id>)` links. */
  id: z.string({ error: 'id is required.' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'id may hold only lowercase letters, digits and single hyphens, e.g. "mao-zedong".',
  }),
  /** The name readers today know, e.g. "Mao Zedong". */
  name: text('name'),
  /**
   * The spellings used in the documents, exactly as printed ("Mao Tse-Tung", "Quemoy"). Every
   * occurrence in a document's text is linked to this entity, longest spelling first.
   */
  spellings: z.array(text('A spelling')).default([]),
  /** Other spellings a reader may type: pinyin, Wade–Giles, Russian transliteration, native scripts. */
  variants: z.array(text('A variant')).default([]),
  /** What the reader needs to know, in the edition's own words, as of the document's date. */
  gloss: text('gloss'),
  /** Where the documents, their introduction or common usage are mistaken or outdated. */
  note: text('note').optional(),
  /** What could not be checked and is therefore not stated. */
  unverified: text('unverified').optional(),
  /**
   * Why the entity is kept although no document mentions it (e.g. it is named only in the
   * metadata). Without this, an entity that no document mentions is an error.
   */
  context: text('context').optional(),
  /**
   * The works against which the facts were checked, each an id of content/bibliography.yaml. At
   * least one must be a primary source or scholarship (checked with the bibliography, in
   * src/lib/bibliography.ts): a reference work may stand beside them, never alone.
   */
  sources: z
    .array(source, {
      error: (issue) =>
        issue.input === undefined
          ? 'sources is required: list at least one primary or scholarly source against which the facts were checked.'
          : 'sources must be a list, each item "- source: <id of content/bibliography.yaml>" with its "checked".',
    })
    .min(1, { error: 'Every entity needs at least one primary or scholarly source that was checked.' }),
};

const person = z.strictObject(
  {
    type: z.literal('person'),
    ...common,
    born: partialDate('born').optional(),
    died: partialDate('died').optional(),
  },
  strict,
);

const place = z.strictObject(
  {
    type: z.literal('place'),
    ...common,
    /**
     * Longitude and latitude in decimal degrees, where the map puts the place. For a region or
     * continent this is where its label goes, not a boundary.
     */
    coordinates: z.tuple(
      [
        z.number().min(-180, { error: 'The longitude must be between -180 and 180.' }).max(180, { error: 'The longitude must be between -180 and 180.' }),
        z.number().min(-90, { error: 'The latitude must be between -90 and 90.' }).max(90, { error: 'The latitude must be between -90 and 90.' }),
      ],
      {
        error: 'coordinates must be [longitude, latitude] in decimal degrees, e.g. [118.33, 24.44].',
      },
    ),
    /** A region or continent: drawn as a label, not a point. */
    region: z.boolean().default(false),
  },
  strict,
);

const organization = z.strictObject(
  {
    type: z.literal('organization'),
    ...common,
    founded: partialDate('founded').optional(),
    dissolved: partialDate('dissolved').optional(),
  },
  strict,
);

const event = z.strictObject(
  {
    type: z.literal('event'),
    ...common,
    start: partialDate('start'),
    end: partialDate('end').optional(),
  },
  strict,
);

const document = z.strictObject(
  {
    type: z.literal('document'),
    ...common,
    date: partialDate('date').optional(),
  },
  strict,
);

const abbreviation = z.strictObject(
  {
    type: z.literal('abbreviation'),
    ...common,
    /** What the letters stand for, as the translation means them. */
    expansion: text('expansion'),
    /** The entity the abbreviation names, if the registry has it. */
    refersTo: z.string().optional(),
  },
  strict,
);

/** One entry of the registry of names and places. */
export const entitySchema = z.discriminatedUnion('type', [person, place, organization, event, document, abbreviation], {
  error: `type must be one of ${entityTypes.join(', ')}.`,
});

export type Entity = z.infer<typeof entitySchema>;
