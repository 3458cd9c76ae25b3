/**
 * The list of documents, as the home page and its following pages show it: by conversation date,
 * oldest or newest first, 100 to a page. Page 1 oldest first is the home page itself.
 */
import { formatDate } from './dates.ts';
import { type ListPage, paginate } from './pagination.ts';
import { sitePath } from './site.ts';

export type ListOrder = 'oldest' | 'newest';
export const documentsPerListPage = 100;

/** The address of page `number` of the list in `order`. */
export function listPageAddress(base: string, order: ListOrder, number: number): string {
  if (order === 'oldest' && number === 1) return sitePath(base, '');
  return sitePath(base, number === 1 ? `browse/${order}/` : `browse/${order}/${number}/`);
}

/** The pages of the list in both orders; `documents` come oldest first. */
export function documentListPages<T>(documents: readonly T[], size = documentsPerListPage): Record<ListOrder, ListPage<T>[]> {
  return { oldest: paginate(documents, size), newest: paginate([...documents].reverse(), size) };
}

/**
 * For each year, where its documents start in the oldest-first list: the page, and the anchor
 * of the year's heading on it (`#year-1962`).
 */
export function yearStarts(dates: readonly string[], size = documentsPerListPage): Map<string, { page: number; count: number }> {
  const years = new Map<string, { page: number; count: number }>();
  dates.forEach((date, index) => {
    const year = date.slice(0, 4);
    const known = years.get(year);
    if (known) known.count++;
    else years.set(year, { page: Math.floor(index / size) + 1, count: 1 });
  });
  return years;
}

/** Items grouped by the year of their date, in the order given. */
export function groupByYear<T>(items: readonly T[], dateOf: (item: T) => string): { year: string; items: T[] }[] {
  const groups: { year: string; items: T[] }[] = [];
  for (const item of items) {
    const year = dateOf(item).slice(0, 4);
    const last = groups.at(-1);
    if (last?.year === year) last.items.push(item);
    else groups.push({ year, items: [item] });
  }
  return groups;
}

/** The documents before and after one, in the oldest-first order. */
export function neighbours<T>(documents: readonly T[], index: number): { previous: T | undefined; next: T | undefined } {
  return { previous: index > 0 ? documents[index - 1] : undefined, next: documents[index + 1] };
}

/** A document as a row of the list needs it (a document's front matter has these fields). */
export interface ListedDocument {
  slug: string;
  title: string;
  conversationDate: string;
  recordDate: string;
  documentType: string;
  participants: readonly { name: string }[];
  archive: { repository: string; fond: string; opis: string; delo: string };
}

/** A date as the list prints it: in words, with the ISO date for `<time datetime>`. */
export interface ListDate {
  iso: string;
  text: string;
}

/** One row of the list of documents. */
export interface DocumentRow {
  href: string;
  title: string;
  /** The conversation's date. */
  date: ListDate;
  documentType: string;
  /** The record's date, when it is not the conversation's. */
  recorded?: ListDate;
  participants: string;
  /** "Archive, fond 5, opis 49, delo 235". */
  archive: string;
}

const listDate = (iso: string): ListDate => ({ iso, text: formatDate(iso) });

export function documentRow(document: ListedDocument, base: string): DocumentRow {
  const { archive } = document;
  return {
    href: sitePath(base, `documents/${document.slug}/`),
    title: document.title,
    date: listDate(document.conversationDate),
    documentType: document.documentType,
    ...(document.recordDate === document.conversationDate ? {} : { recorded: listDate(document.recordDate) }),
    participants: document.participants.map((person) => person.name).join(', '),
    archive: `${archive.repository}, fond ${archive.fond}, opis ${archive.opis}, delo ${archive.delo}`,
  };
}

/** The rows of one page of the list, grouped by the year of the conversation, in the order given. */
export function documentRowsByYear(documents: readonly ListedDocument[], base: string): { year: string; rows: DocumentRow[] }[] {
  return groupByYear(documents, (document) => document.conversationDate).map(({ year, items }) => ({
    year,
    rows: items.map((document) => documentRow(document, base)),
  }));
}

/** "1 document", "2,400 documents; 101–200 on this page": how many, and which are on this page. */
export function listCount(listPage: Pick<ListPage<unknown>, 'total' | 'count' | 'first' | 'last'>): string {
  const total = listPage.total === 1 ? '1 document' : `${listPage.total.toLocaleString('en')} documents`;
  return listPage.count > 1 ? `${total}; ${listPage.first.toLocaleString('en')}–${listPage.last.toLocaleString('en')} on this page` : total;
}

/** The heading of a page of the list past the home page: "Documents, newest first, page 2 of 24". */
export function listPageTitle(order: ListOrder, listPage: Pick<ListPage<unknown>, 'number' | 'count'>): string {
  return `Documents, ${order} first${listPage.count > 1 ? `, page ${listPage.number} of ${listPage.count}` : ''}`;
}
