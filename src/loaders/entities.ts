import type { Loader } from 'astro/loaders';
import { entitiesDir } from '../content/content-files.ts';
import { collectEntities } from '../content/entities.ts';

/**
 * Loads the registry of names and places from content/entities/*.yaml: the entries that are
 * valid. Its problems (a field, an id used twice, a spelling claimed twice) are reported, each at
 * its file and line, with every other problem of the content by the documents loader, which
 * then stops the build (src/loaders/documents.ts): an error thrown here would end the build
 * before that report.
 */
export function entitiesLoader(dir = entitiesDir): Loader {
  return {
    name: 'entities',
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      for (const { entity } of collectEntities(dir).located) {
        const data = await parseData({ id: entity.id, data: entity });
        store.set({ id: entity.id, data, digest: generateDigest(JSON.stringify(entity)) });
      }
    },
  };
}
