/**
 * Long lists cut into pages of a fixed size: a collection of thousands of documents cannot list
 * them all, or every mention of a name, on one page. Page 1 lives at the list's own address;
 * page n at `<address>n/`. Pages are numbered from 1.
 */
export interface ListPage<T> {
  items: T[];
  /** This page's number, from 1. */
  number: number;
  /** How many pages the list has (at least 1: an empty list is one empty page). */
  count: number;
  /** Position of the first and last item on this page among all items, from 1 (0 and 0 when empty). */
  first: number;
  last: number;
  total: number;
}

export function paginate<T>(items: readonly T[], size: number): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A page holds at least one item, not ${size}.`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => {
    const pageItems = items.slice(index * size, (index + 1) * size);
    return {
      items: pageItems,
      number: index + 1,
      count,
      first: pageItems.length === 0 ? 0 : index * size + 1,
      last: index * size + pageItems.length,
      total: items.length,
    };
  });
}

/** The address of page `number` of a list whose first page is at `address` (ending in "/"). */
export function pageAddress(address: string, number: number): string {
  return number <= 1 ? address : `${address}${number}/`;
}
