/**
 * Builds an archive in parts (tools/build-parts.ts), by year of conversationDate, into one
 * folder laid out as it is deployed:
 *
 *   npm run build:parts -- <collection> [--parts 1949-1969,1970-1991] [--prefix /archive/]
 *                          [--out dist-parts] [--only 1970-1991]
 */
import { parseArgs } from 'node:util';
import { parsePartRanges } from '../src/content/archive-parts.ts';
import { buildArchiveInParts } from '../tools/build-parts.ts';

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      parts: { type: 'string', default: '1949-1969,1970-1991' },
      prefix: { type: 'string', default: '/archive/' },
      out: { type: 'string', default: 'dist-parts' },
      only: { type: 'string' },
    },
  });
  const [collection] = positionals;
  if (!collection) {
    console.error('Usage: npm run build:parts -- <collection> [--parts 1949-1969,1970-1991] [--prefix /archive/] [--out dist-parts] [--only 1970-1991]');
    process.exit(2);
  }
  try {
    const ranges = parsePartRanges(values.parts);
    const only = values.only
      ?.split(',')
      .map((label) => label.trim())
      .filter(Boolean);
    const reports = buildArchiveInParts({ collection, out: values.out, ranges, prefix: values.prefix, ...(only ? { only } : {}) });
    for (const part of reports) {
      console.log(
        `${part.base}: ${part.documents} documents, ${part.pages} pages, built in ${part.seconds.toFixed(1)} s; search index ${part.indexFiles} files, ${(part.indexBytes / 1024).toFixed(0)} KiB (Pagefind bundle ${(part.bundleBytes / 1024).toFixed(0)} KiB).`,
      );
    }
    console.log(`Written to ${values.out}/ with one _headers for all parts. Deploy the folder as it is, at the root of the origin.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
