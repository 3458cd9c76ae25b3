import type { Loader } from 'astro/loaders';
import { collectBibliography } from '../content/bibliography.ts';
import { contentDir } from '../content/content-files.ts';

/**
 * Loads the bibliography, content/bibliography.yaml, checked against content/blocked-hosts.yaml:
 * one entry per valid work, by id. Its problems are reported, each at its file and line, with
 * every other problem of the content by the documents loader, which then stops the build
 * (src/loaders/documents.ts).
 */
export function bibliographyLoader(dir = contentDir): Loader {
  return {
    name: 'bibliography',
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      for (const { work } of collectBibliography(dir).works) {
        const data = await parseData({ id: work.id, data: work });
        store.set({ id: work.id, data, digest: generateDigest(JSON.stringify(work)) });
      }
    },
  };
}
