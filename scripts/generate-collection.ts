/**
 * Writes a synthetic collection of N documents, made from the memorandum (see
 * tools/synthetic-collection.ts), with a copy of the registry, into a folder the build can be
 * pointed at. Never into content/.
 *
 *   node scripts/generate-collection.ts <count> <folder>
 *   EDITION_CONTENT=<folder> npx astro build
 */
import { writeSyntheticCollection } from '../tools/synthetic-collection.ts';

if (import.meta.main) {
  const [countArgument, folder] = process.argv.slice(2);
  const count = Number(countArgument);
  if (!Number.isInteger(count) || count < 1 || !folder) {
    console.error('Usage: node scripts/generate-collection.ts <count> <folder>, e.g. 100 bench/scratch/collection-100');
    process.exit(2);
  }
  try {
    writeSyntheticCollection(count, folder);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  console.log(`${count} documents written to ${folder}/documents, with the registry in ${folder}/entities.`);
}
