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
