/**
 * The list of documents, as the home page and its following pages show it: by conversation date,
 * oldest or newest first, 100 to a page. Page 1 oldest first is the home page itself.
 */
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
