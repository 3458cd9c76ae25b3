const months = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "1959-10-14" → "14 October 1959": the day as the document states it, with no time zone. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) throw new Error(`Not a date in the form YYYY-MM-DD: "${iso}"`);
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** "1959" → "1959", "1959-10" → "October 1959", "1959-10-14" → "14 October 1959". */
export function formatPartialDate(value: string): string {
  const [year, month, day] = value.split('-');
  if (month === undefined) return year ?? value;
  const name = months[Number(month) - 1];
  if (name === undefined) throw new Error(`Not a date in the form YYYY, YYYY-MM or YYYY-MM-DD: "${value}"`);
  return day === undefined ? `${name} ${year}` : formatDate(value);
}

/** A span of dates as a reader says it: "23 August – October 1958", "1918 – 1940". */
export function formatDateRange(start: string, end?: string): string {
  if (end === undefined || end === start) return formatPartialDate(start);
  return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
}

/**
 * The years a set of dates spans, as a reader says it: "1959", "1959–1962"; undefined for none.
 * Dates are ISO ("1959", "1959-10", "1959-10-14"), so their first four characters order them.
 */
export function formatYearSpan(dates: readonly string[]): string | undefined {
  const years = dates.map((date) => date.slice(0, 4)).sort();
  const [first, last] = [years[0], years.at(-1)];
  if (first === undefined || last === undefined) return undefined;
  return first === last ? first : `${first}–${last}`;
}
