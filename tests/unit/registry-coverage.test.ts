/**
 * The registry against the project's own documents: every entity is mentioned somewhere (or
 * says why it is kept), and every paragraph mention points at a paragraph that exists.
 */
import { describe, expect, test } from 'vitest';
import { documentFiles, entitiesDir } from '../../src/lib/content-files.ts';
import { analyzeDocument } from '../../src/lib/document-anchors.ts';
import { readEntities } from '../../src/lib/entities.ts';
import { mentionTargets } from '../../src/lib/entity-index.ts';

const entities = readEntities(entitiesDir);
const analyses = await Promise.all(documentFiles().map(({ path, markdown }) => analyzeDocument(markdown, path, entities)));

describe('the registry and the documents', () => {
  test('every entity is mentioned in a document, or says why it is kept as context', () => {
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    const mentioned = new Set(
      analyses.flatMap((analysis) => analysis.mentions.flatMap((mention) => {
        const entity = byId.get(mention.entity);
        return entity ? mentionTargets(entity) : [];
      })),
    );
    const unaccounted = entities.filter((entity) => !mentioned.has(entity.id) && entity.context === undefined).map((entity) => entity.id);
    expect(unaccounted, 'Link these entities in the text, or give them a "context:" saying why they are kept.').toEqual([]);
  });

  test('an entity kept as context is really not mentioned (or its context note is out of date)', () => {
    const mentioned = new Set(analyses.flatMap((analysis) => analysis.mentions.map((mention) => mention.entity)));
    const stale = entities.filter((entity) => entity.context !== undefined && mentioned.has(entity.id)).map((entity) => entity.id);
    expect(stale, 'These entities are mentioned after all: remove their "context:".').toEqual([]);
  });

  test('every mention stands in a numbered paragraph of its document', () => {
    for (const analysis of analyses) {
      const ids = new Set(analysis.anchors.map((anchor) => anchor.id));
      for (const mention of analysis.mentions) expect(ids, `${analysis.slug}: ${mention.entity}`).toContain(mention.paragraph);
    }
  });

  test('places, events and people are all represented', () => {
    const types = new Set(entities.map((entity) => entity.type));
    expect([...types].sort()).toEqual(['abbreviation', 'document', 'event', 'organization', 'person', 'place']);
  });
});
