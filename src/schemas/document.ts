import { z } from 'astro/zod';
import { calendarProblem } from '../lib/dates.ts';
import { workId } from './bibliography.ts';

/**
 * A calendar date, "YYYY-MM-DD", that is a day of the calendar: "1959-02-30" is refused as no
 * such day, not as a wrongly written date. Some YAML parsers turn an unquoted date into a
 * timestamp at midnight UTC; that is read back as the same calendar day.
 */
const isoDate = (what: string) =>
  z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z
      .string({ error: `${what} must be a date written "YYYY-MM-DD", e.g. "1959-10-14".` })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${what} must be a date written "YYYY-MM-DD", e.g. "1959-10-14".` })
      .superRefine((value, context) => {
        const problem = calendarProblem(value);
        if (problem) context.addIssue({ code: 'custom', message: `${what}: ${problem} Write the day the record gives.` });
      }),
  );

/** Unknown fields are typos until proven otherwise: say so instead of dropping them. */
const unknownFields = (keys: readonly string[] | undefined) =>
  `Unknown field${(keys?.length ?? 0) > 1 ? 's' : ''} ${keys?.map((key) => `"${key}"`).join(', ')}: check the spelling (the fields are described in src/schemas/document.ts).`;

/** A group of fields that must be there, with a message that says what it holds. */
const group = <Shape extends z.ZodRawShape>(what: string, holds: string, shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownFields(issue.keys)
        : issue.input === undefined
          ? `${what} is required: ${holds}.`
          : `${what} must be a group of fields: ${holds}.`,
  });

const nonEmpty = (what: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${what} is required: add it, as text.` : `${what} must be text (in quotes if in doubt).`),
    })
    .trim()
    .min(1, { error: `${what} must not be empty.` });

/**
 * The family name, for citations ("Antonov, S. F."), when it is not the last word of the name.
 * It must be part of the name.
 */
const familyName = (what: string) => nonEmpty(`${what}.familyName`).optional();

/** Checks that an explicit family name is one of the name's own words. */
const familyNameInName = (value: { name: string; familyName?: string | undefined }) =>
  value.familyName === undefined || ` ${value.name} `.includes(` ${value.familyName} `);
const familyNameMessage = {
  error: 'familyName must be written exactly as it stands in name, e.g. name "Mao Zedong", familyName "Mao".',
  path: ['familyName'],
};

/** A person named in the metadata, with what they were at the document's date. */
const person = (what: string) =>
  group(what, 'a name, and a role at the document’s date', {
    /** The name as readers today look it up, e.g. "Mao Zedong". */
    name: nonEmpty('A person’s name'),
    /**
     * For citations: the family name, when it is not the last word of `name` (e.g. "Mao" in
     * "Mao Zedong"). Default: the last word.
     */
    familyName: familyName('A person'),
    /** Office or function at the document's date, e.g. "Counselor of the Soviet Embassy". */
    role: nonEmpty('A person’s role').optional(),
  }).refine(familyNameInName, familyNameMessage);

/** A scholar credited for the edition's text, with the affiliation printed with the name. */
const credit = (what: string) =>
  group(what, 'a name and, optionally, an affiliation', {
    name: nonEmpty('The name'),
    /** For citations, as for a person: the family name when it is not the last word of `name`. */
    familyName: familyName(what),
    affiliation: nonEmpty('The affiliation').optional(),
  }).refine(familyNameInName, familyNameMessage);

/** The frontmatter of every document in content/documents. */
export const documentSchema = z.strictObject(
  {
    /** Title as published, e.g. "A Conversation with Mao, 1959". */
    title: nonEmpty('title'),
    /**
     * The document's URL segment: /documents/<slug>/. Pinned here so that renaming the file never
     * changes a published URL. Lowercase letters, digits and hyphens.
     */
    slug: z.string({ error: 'slug is required: the URL name of the document, e.g. "antonov-mao-1959-10-14".' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'slug may hold only lowercase letters, digits and single hyphens, e.g. "antonov-mao-1959-10-14".',
    }),
    /** The line of the source that says where the text is published from, shown under the title. */
    publicationStatement: nonEmpty('publicationStatement').optional(),
    /** What kind of record this is, e.g. "Summary of a conversation (journal entry)". */
    documentType: nonEmpty('documentType'),
    /** The day the conversation took place. */
    conversationDate: isoDate('conversationDate'),
    /** The day the record was written or dated. */
    recordDate: isoDate('recordDate'),
    /** Who wrote the record, with the office held at the time. */
    author: person('author'),
    /** Everyone present, with the office held at the time. */
    participants: z
      .array(person('Each participant'), { error: 'participants is required: a list of the people present, each with a name and a role.' })
      .min(1, { error: 'participants must list at least one person.' }),
    /** Security classification as printed on the record, e.g. "Top Secret, Copy 3". */
    classification: nonEmpty('classification').optional(),
    /** Where the original is kept; Russian archival references are fond / opis / delo / listy. */
    archive: group('archive', 'the repository and the fond, opis, delo and listy of the original', {
      /** The archive, as the source names it, without its city, e.g. "Storage Center for Contemporary Documentation (SCCD)". */
      repository: nonEmpty('archive.repository'),
      /** The archive's city, e.g. "Moscow". Citations print it after the repository. */
      place: nonEmpty('archive.place').optional(),
      /**
       * Where the file is to be sought today, when the archive has since been renamed or merged,
       * e.g. "Russian State Archive of Contemporary History (RGANI), since 1999". Shown to readers;
       * citations keep the repository the source names.
       */
      now: nonEmpty('archive.now').optional(),
      /** Fond (collection). */
      fond: nonEmpty('archive.fond'),
      /** Opis (inventory). */
      opis: nonEmpty('archive.opis'),
      /** Delo (file). */
      delo: nonEmpty('archive.delo'),
      /** Listy (pages), e.g. "89–96". */
      listy: nonEmpty('archive.listy'),
    }),
    /** The translator of the text into English. */
    translator: credit('translator').optional(),
    /** The author of the editor's introduction. */
    introductionAuthor: credit('introductionAuthor').optional(),
    /**
     * The project that published the text and its institution. Citations give the title as the
     * collection and the publisher as publisher, e.g. "Cold War International History Project" and
     * "Woodrow Wilson International Center for Scholars".
     */
    publication: group('publication', 'the title and publisher of the publication the text comes from', {
      title: nonEmpty('publication.title'),
      publisher: nonEmpty('publication.publisher').optional(),
    }),
    /**
     * A print source that the text is reported to come from but that has not been checked against
     * the print. It is shown on the How to cite page, marked as reported, and kept out of the
     * machine-readable metadata (meta tags, BibTeX, RIS, CSL-JSON) until it is checked.
     */
    reportedPrintSource: nonEmpty('reportedPrintSource').optional(),
    /**
     * Records in other archives of the same events, shown on the document page under "Related
     * records in other archives": each a work of content/bibliography.yaml and what it is to this
     * document.
     */
    relatedRecords: z
      .array(
        group('Each related record', 'source (an id of content/bibliography.yaml) and relation', {
          /** The id of the record in content/bibliography.yaml, e.g. "wcda-112088". */
          source: workId('source'),
          /** What the record is and how it bears on this document, in one or two sentences. */
          relation: nonEmpty('relation (what the record is and how it bears on this document)'),
        }),
        { error: 'relatedRecords must be a list, each item "- source: <id of content/bibliography.yaml>" with its "relation".' },
      )
      .min(1, { error: 'relatedRecords is empty: leave the field out when there are none.' })
      .optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownFields(issue.keys) : undefined) },
);

export type DocumentData = z.infer<typeof documentSchema>;
