import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import { glob, type Loader } from 'astro/loaders';
import { documentsDir, documentFiles } from './lib/content-files.ts';
import { formatProblems, frontmatterProblems } from './lib/frontmatter-check.ts';
import { documentSchema } from './schemas/document.ts';

/**
 * Astro's glob loader, preceded by a frontmatter check that names the line of each problem
 * (Astro's own schema error names only the file).
 */
function documentsLoader(): Loader {
  const inner = glob({
    base: `./${documentsDir}`,
    pattern: '**/*.md',
    // The pinned slug, not the file name, identifies a document: renaming a file moves nothing.
    generateId: ({ entry, data }) => (typeof data['slug'] === 'string' ? data['slug'] : entry),
  });
  return {
    ...inner,
    name: 'checked-documents',
    load: async (context) => {
      const errors = documentFiles()
        .map(({ path }) => ({ path, problems: frontmatterProblems(readFileSync(join('.', path), 'utf8'), documentSchema) }))
        .filter(({ problems }) => problems.length > 0)
        .map(({ path, problems }) => formatProblems(path, problems));
      if (errors.length > 0) {
        throw new AstroError(
          errors.join('\n'),
          'Each line names the file, the line and column, and what to write there. The fields are described in src/schemas/document.ts.',
        );
      }
      await inner.load(context);
    },
  };
}

const documents = defineCollection({
  loader: documentsLoader(),
  schema: documentSchema,
});

export const collections = { documents };
