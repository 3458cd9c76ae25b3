/**
 * Writes a synthetic collection of N documents, made from the memorandum (see
 * src/lib/synthetic-collection.ts), with a copy of the registry, into a folder the build can be
 * pointed at. Never into content/.
 *
 *   node scripts/generate-collection.ts <count> <folder>
 *   EDITION_CONTENT=<folder> npx astro build
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readEntities } from '../src/lib/entities.ts';
import { syntheticBibliography, syntheticDocument } from '../src/lib/synthetic-collection.ts';

/** Writes `count` synthetic documents and the registry into `folder`, replacing what was there. */
export function writeSyntheticCollection(count: number, folder: string): void {
  const fromContent = relative(resolve('content'), resolve(folder));
  if (!fromContent.startsWith('..')) throw new Error(`${folder} is inside content/: write synthetic collections elsewhere, e.g. bench/scratch/.`);
  const entities = readEntities('content/entities');
  const spellingsOf = (type: string) => entities.filter((entity) => entity.type === type).flatMap((entity) => entity.spellings);
  const source = {
    markdown: readFileSync('content/documents/antonov-mao-1959-10-14.md', 'utf8'),
    spellings: { person: spellingsOf('person'), place: spellingsOf('place') },
  };
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(`${folder}/documents`, { recursive: true });
  cpSync('content/entities', `${folder}/entities`, { recursive: true });
  // The sources the notes and the registry cite, so that the collection builds as content/ does.
  if (existsSync('content/blocked-hosts.yaml')) cpSync('content/blocked-hosts.yaml', `${folder}/blocked-hosts.yaml`);
  if (existsSync('content/bibliography.yaml')) writeFileSync(`${folder}/bibliography.yaml`, syntheticBibliography(readFileSync('content/bibliography.yaml', 'utf8')));
  for (let index = 1; index <= count; index++) {
    const { fileName, markdown } = syntheticDocument(source, index);
    writeFileSync(`${folder}/documents/${fileName}`, markdown);
  }
}

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
