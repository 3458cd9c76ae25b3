import { AstroError } from 'astro/errors';
import type { Loader } from 'astro/loaders';
import { entitiesDir } from '../content/content-files.ts';
import { readEntities } from '../content/entities.ts';

/**
 * Loads the registry of names and places from content/entities/*.yaml, checked as a whole
 * (unique ids, unambiguous spellings); every problem is reported with its file and line.
 */
export function entitiesLoader(dir = entitiesDir): Loader {
  return {
    name: 'entities',
    load: async ({ store, parseData, generateDigest }) => {
      let entities: ReturnType<typeof readEntities>;
      try {
        entities = readEntities(dir);
      } catch (error) {
        throw new AstroError(error instanceof Error ? error.message : String(error), 'The fields are described in src/schemas/entity.ts.');
      }
      store.clear();
      for (const entity of entities) {
        const data = await parseData({ id: entity.id, data: entity });
        store.set({ id: entity.id, data, digest: generateDigest(JSON.stringify(entity)) });
      }
    },
  };
}
