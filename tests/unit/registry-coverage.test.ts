/**
 * The registry against the project's own documents: every entity is mentioned somewhere, or
 * says why it is kept, and no entity kept "as context" is in fact mentioned.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { documentFiles, entitiesDir } from '../../src/content/content-files.ts';
import { readEntities } from '../../src/content/entities.ts';
import { mentionTargets } from '../../src/lib/entity-index.ts';
import { createProcessor } from '../../src/plugins/index.ts';
import remarkEntityMentions from '../../src/plugins/remark-entity-mentions.ts';
import remarkInsertions from '../../src/plugins/remark-insertions.ts';
import remarkParagraphIds from '../../src/plugins/remark-paragraph-ids.ts';

const entities = readEntities(entitiesDir);
// The mentions as the build records them: the plugins that find them, in the build's order.
const processor = createProcessor({ remark: [remarkParagraphIds, remarkInsertions, [remarkEntityMentions, { entities }]], html: false });
const analyses = await Promise.all(
  documentFiles().map(async ({ path, markdown }) => {
    const file = new VFile({ path, value: parseFrontmatter(markdown, { frontmatter: 'empty-with-lines' }).content });
    await processor.run(processor.parse(file), file);
    return { mentions: file.data.mentions ?? [] };
  }),
);

describe('the registry and the documents', () => {
  test('every entity is mentioned in a document, or says why it is kept as context', () => {
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    const mentioned = new Set(
      analyses.flatMap((analysis) =>
        analysis.mentions.flatMap((mention) => {
          const entity = byId.get(mention.entity);
          return entity ? mentionTargets(entity) : [];
        }),
      ),
    );
    const unaccounted = entities.filter((entity) => !mentioned.has(entity.id) && entity.context === undefined).map((entity) => entity.id);
    expect(unaccounted, 'Link these entities in the text, or give them a "context:" saying why they are kept.').toEqual([]);
  });

  test('an entity kept as context is really not mentioned (or its context note is out of date)', () => {
    const mentioned = new Set(analyses.flatMap((analysis) => analysis.mentions.map((mention) => mention.entity)));
    const stale = entities.filter((entity) => entity.context !== undefined && mentioned.has(entity.id)).map((entity) => entity.id);
    expect(stale, 'These entities are mentioned after all: remove their "context:".').toEqual([]);
  });
});
