import { AstroError } from 'astro/errors';
import type { Loader } from 'astro/loaders';
import { collectBibliography, formatPlacedProblems } from '../content/bibliography.ts';
import { contentDir } from '../content/content-files.ts';

/**
 * Loads the bibliography, content/bibliography.yaml, checked against content/blocked-hosts.yaml:
 * one entry per work, by id. Every problem is reported with its file and line.
 */
export function bibliographyLoader(dir = contentDir): Loader {
  return {
    name: 'bibliography',
    load: async ({ store, parseData, generateDigest }) => {
      const { works, problems } = collectBibliography(dir);
      if (problems.length > 0) {
        throw new AstroError(formatPlacedProblems(problems), 'The fields are described in src/schemas/bibliography.ts; the policy in docs/sources.md.');
      }
      store.clear();
      for (const { work } of works) {
        const data = await parseData({ id: work.id, data: work });
        store.set({ id: work.id, data, digest: generateDigest(JSON.stringify(work)) });
      }
    },
  };
}
