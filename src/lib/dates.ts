const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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

/** How many days a month has in the Gregorian calendar (`month` from 1). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why a date written "YYYY-MM" or "YYYY-MM-DD" names no month or day of the calendar
 * ("1959-02-30 is not a day of the calendar: February 1959 has 28 days."), or undefined when it
 * names one. A value of another shape is the schema's to refuse, with its own message.
 */
export function calendarProblem(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const name = months[month - 1];
  if (name === undefined) return `${value} is not a month of the calendar: months are numbered 01 to 12.`;
  if (match[3] === undefined) return undefined;
  const day = Number(match[3]);
  const days = daysInMonth(year, month);
  if (day === 0) return `${value} is not a day of the calendar: days are numbered from 01.`;
  if (day > days) return `${value} is not a day of the calendar: ${name} ${year} has ${days} days.`;
  return undefined;
}
