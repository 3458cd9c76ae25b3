import { describe, expect, test } from 'vitest';
import type { DocumentMentions } from '../../src/lib/entity-index.ts';
import { documentRecords, type TimelineDocument, timelineDescription, timelineView } from '../../src/lib/timeline.ts';
import type { Entity } from '../../src/schemas/entity.ts';

const common = { spellings: [], variants: [], sources: [{ source: 's', checked: 'x' }] };
const event = (id: string, name: string, start: string, end?: string) =>
  ({ ...common, id, name, type: 'event', gloss: `${name} happened. Then more.`, start, ...(end ? { end } : {}) }) as Entity;
const treaty = {
  ...common,
  id: 'treaty',
  name: 'Treaty of friendship (February 1950)',
  type: 'document',
  gloss: 'Signed in Moscow.',
  date: '1950-02-14',
} as Entity;

const document = (slug: string, conversationDate: string, recordDate = conversationDate): TimelineDocument => ({
  slug,
  title: `Title ${slug}`,
  conversationDate,
  recordDate,
  documentType: 'Record of conversation',
  author: { name: 'A. Author' },
  participants: [{ name: 'A. Author' }, { name: 'B. Other' }],
});

describe('the documents on the timeline', () => {
  test('each document’s conversation and its record, with who spoke and who wrote', () => {
    expect(documentRecords([document('one', '1959-10-14', '1959-10-21')], '/')).toEqual([
      { id: 'one', kind: 'record', name: 'The conversation: Title one', start: '1959-10-14', summary: 'A. Author, B. Other.' },
      { id: 'one', kind: 'record', name: 'The record is dated: Title one', start: '1959-10-21', summary: 'Record of conversation, by A. Author.' },
    ]);
  });

  test('a year of more documents than fit is one line, leading to the year in the list', () => {
    const documents = [document('a', '1958-01-01'), ...['b', 'c', 'd', 'e'].map((slug) => document(slug, '1959-03-01'))];
    const records = documentRecords(documents, '/reader/', 3);
    expect(records.filter((record) => record.kind === 'record').map((record) => record.id)).toEqual(['a', 'a']);
    expect(records.at(-1)).toMatchObject({ kind: 'documents', id: '/reader/#year-1959', name: '4 documents of 1959', start: '1959-01-01' });
  });
});

describe('the timeline page', () => {
  const entities = [event('plenum', 'Plenum (December 1959)', '1959-12', '1959-12-25'), treaty, event('war', 'A war', '1950-06-25', '1953-07-27')];

  test('in order, by year, each line with its date, its link and its summary: a gloss’s first sentence, a document’s line whole, initials and all', () => {
    const view = timelineView(entities, documentRecords([document('one', '1959-10-14')], '/'), new Map(), '/');
    expect(view.years.map((year) => year.year)).toEqual(['1950', '1959']);
    expect(view.years.flatMap((year) => year.entries.map((entry) => [entry.date, entry.name, entry.href, entry.summary]))).toEqual([
      ['14 February 1950', 'Treaty of friendship (February 1950)', '/entities/treaty/', 'Signed in Moscow.'],
      ['25 June 1950 – 27 July 1953', 'A war', '/entities/war/', 'A war happened.'],
      ['14 October 1959', 'The conversation: Title one', '/documents/one/', 'A. Author, B. Other.'],
      ['14 October 1959', 'The record is dated: Title one', '/documents/one/', 'Record of conversation, by A. Author.'],
      ['December 1959 – 25 December 1959', 'Plenum (December 1959)', '/entities/plenum/', 'Plenum (December 1959) happened.'],
    ]);
  });

  test('an entity’s line carries the paragraphs that mention it; a document’s own dates do not', () => {
    const mentions: DocumentMentions[] = [{ slug: 'one', title: 'Title one', paragraphs: [{ paragraph: 'p3', label: '¶ 3', sentence: 's', text: 't' }] }];
    const view = timelineView(
      entities,
      documentRecords([document('one', '1959-10-14')], '/'),
      new Map([
        ['war', mentions],
        ['one', mentions],
      ]),
      '/',
    );
    const entries = view.years.flatMap((year) => year.entries);
    expect(entries.find((entry) => entry.name === 'A war')?.mentioned).toEqual({ entityId: 'war', mentions });
    expect(entries.filter((entry) => entry.mentioned).map((entry) => entry.name)).toEqual(['A war']);
  });

  test('a year of many documents leads to the list, dated by its year', () => {
    const documents = ['a', 'b', 'c', 'd'].map((slug) => document(slug, '1962-03-01'));
    const [entry] = timelineView([], documentRecords(documents, '/'), new Map(), '/').years.flatMap((year) => year.entries);
    expect(entry).toMatchObject({ kind: 'documents', date: '1962', href: '/#year-1962', name: '4 documents of 1962' });
  });

  test('says whether one conversation is marked or many', () => {
    expect(timelineView(entities, documentRecords([document('one', '1959-10-14')], '/'), new Map(), '/').recordsNote).toBe(
      'The conversation and the date of its record are marked.',
    );
    expect(timelineView(entities, documentRecords([document('one', '1959-10-14'), document('two', '1960-01-01')], '/'), new Map(), '/').recordsNote).toBe(
      'The documents’ conversations and the dates of their records are marked.',
    );
    expect(timelineView(entities, [], new Map(), '/').recordsNote).toBe('');
  });
});

describe('the timeline’s description', () => {
  const records = documentRecords([document('one', '1965-10-14')], '/');

  test('names the first and the last event or document the texts refer to, with their dates', () => {
    const view = timelineView(
      [event('war', 'A war', '1950-06-25', '1953-07-27'), event('plenum', 'Plenum (December 1959)', '1959-12', '1959-12-25')],
      records,
      new Map(),
      '/',
    );
    expect(view.description).toBe(
      'The events and documents the texts refer to, in order, from 25 June 1950 (A war) to December 1959 (Plenum), each linked to its paragraphs.',
    );
  });

  test('one event is named once; without any, no span is named', () => {
    expect(timelineDescription([{ id: 'war', kind: 'event', name: 'A war (1950–1953)', start: '1950-06', summary: '' }])).toBe(
      'The events and documents the texts refer to, in order, in June 1950 (A war), each linked to its paragraphs.',
    );
    expect(timelineView([], records, new Map(), '/').description).toBe('The events and documents the texts refer to, in order, each linked to its paragraphs.');
  });

  test('keeps a parenthesis that is not a date', () => {
    expect(timelineDescription([{ id: 'u', kind: 'document', name: 'Resolution (draft)', start: '1950', summary: '' }])).toContain(
      'in 1950 (Resolution (draft))',
    );
  });
});
