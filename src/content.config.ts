import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { correctionsLoader } from './loaders/corrections.ts';
import { documentsLoader } from './loaders/documents.ts';
import { entitiesLoader } from './loaders/entities.ts';
import { correctionLogSchema } from './schemas/corrections.ts';
import { documentSchema } from './schemas/document.ts';
import { entitySchema } from './schemas/entity.ts';

const documents = defineCollection({
  loader: documentsLoader(documentSchema),
  schema: documentSchema,
});

const entities = defineCollection({
  loader: entitiesLoader(),
  schema: entitySchema,
});

/** Each document's correction log, keyed by the document's slug. */
const corrections = defineCollection({
  loader: correctionsLoader(),
  schema: z.object({ entries: correctionLogSchema }),
});

export const collections = { documents, entities, corrections };
