/**
 * An archive built in parts by year (scripts/build-parts.ts): which part each document goes
 * to, where each part lives, and the one `_headers` file for all of them. Pure: the script
 * reads the files and runs the builds.
 */
import { parse } from 'yaml';
import { formatHeadersFile } from '../lib/headers-file.ts';
import { type SiteHeadersOptions, siteHeaderRules } from '../lib/site-headers.ts';

export interface PartRange {
  /** The part's name and the last segment of its path: `1949-1969`. */
  label: string;
  /** First and last year of conversationDate it holds, both included. */
  from: number;
  to: number;
}

/**
 * `1949-1969,1970-1991` (a single year, `1992`, is a part of one year). The ranges are part of
 * every address in the part, so once published they never change: a new year gets a new part.
 */
export function parsePartRanges(text: string): PartRange[] {
  const ranges = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item): PartRange => {
      const match = /^(\d{4})(?:-(\d{4}))?$/.exec(item);
      const from = Number(match?.[1]);
      const to = Number(match?.[2] ?? match?.[1]);
      if (!match || to < from) throw new Error(`Parts: "${item}" is not a range of years. Write each part as first-last year, e.g. 1949-1969,1970-1991.`);
      return { label: item, from, to };
    })
    .sort((a, b) => a.from - b.from);
  if (ranges.length < 2) throw new Error('Parts: give at least two ranges of years, e.g. 1949-1969,1970-1991.');
  for (let index = 1; index < ranges.length; index++) {
    const [before, after] = [ranges[index - 1] as PartRange, ranges[index] as PartRange];
    if (after.from <= before.to) throw new Error(`Parts: ${before.label} and ${after.label} overlap; a document must belong to one part only.`);
  }
  return ranges;
}

/** A document's frontmatter, as data (empty when there is none). */
export function frontmatterOf(markdown: string): Record<string, unknown> {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)?.[1];
  const data: unknown = frontmatter === undefined ? undefined : parse(frontmatter);
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

/** The year of a document's conversationDate, from its Markdown's frontmatter. */
export function conversationYear(markdown: string): number | undefined {
  const date = frontmatterOf(markdown)['conversationDate'];
  if (date === undefined) return undefined;
  const year = /^(\d{4})-/.exec(date instanceof Date ? date.toISOString() : String(date))?.[1];
  return year === undefined ? undefined : Number(year);
}

/**
 * The file names of each part's documents, by label. Throws, naming them, on documents
 * without a date or outside every range, and on a part left empty (its build would publish a
 * site with nothing in it).
 */
export function assignToParts(documents: readonly { name: string; year: number | undefined }[], ranges: readonly PartRange[]): Map<string, string[]> {
  const parts = new Map(ranges.map((range) => [range.label, [] as string[]]));
  const outside: string[] = [];
  for (const { name, year } of documents) {
    const range = year === undefined ? undefined : ranges.find((candidate) => year >= candidate.from && year <= candidate.to);
    if (range) parts.get(range.label)?.push(name);
    else outside.push(`${name} (${year ?? 'no conversationDate'})`);
  }
  if (outside.length > 0) {
    throw new Error(
      `Parts: ${outside.length} document(s) fall in no part: ${outside.join(', ')}. Add a part for their years; never move a published document to another part.`,
    );
  }
  const empty = [...parts].filter(([, names]) => names.length === 0).map(([label]) => label);
  if (empty.length > 0) throw new Error(`Parts: no document falls in ${empty.join(', ')}.`);
  return parts;
}

/** A part's base path: the prefix (`/archive/`) and its label, `/archive/1949-1969/`. */
export function partBasePath(prefix: string, label: string): string {
  return `/${prefix.replace(/^\/+|\/+$/g, '')}/${label}/`.replace(/^\/\//, '/');
}

/**
 * One `_headers` file for the folder that holds every part: a host reads the file at the root
 * of what it serves only, so it holds the site's rules (src/lib/site-headers.ts) for each part's
 * base path (`/archive/1949-1969/*`), in the parts' order.
 */
export function partsHeadersFile(bases: readonly string[], options: Omit<SiteHeadersOptions, 'base'> = {}): string {
  const blocks = bases.flatMap((base) =>
    siteHeaderRules({ ...options, base }).map((rule, index) => (index === 0 ? { ...rule, comment: [`The part at ${base}`, ...(rule.comment ?? [])] } : rule)),
  );
  return formatHeadersFile(blocks, [
    'HTTP headers for every part of the archive, written by scripts/build-parts.ts from',
    "src/lib/site-headers.ts: each part's rules, below its base path. Hosts read this file only",
    'at the root of the published folder.',
  ]);
}
