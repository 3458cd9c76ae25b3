import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { bibliographyLoader } from './loaders/bibliography.ts';
import { correctionsLoader } from './loaders/corrections.ts';
import { documentsLoader } from './loaders/documents.ts';
import { entitiesLoader } from './loaders/entities.ts';
import { workSchema } from './schemas/bibliography.ts';
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

/** The works the notes and entries cite (content/bibliography.yaml), by id; checked by the loader. */
const bibliography = defineCollection({
  loader: bibliographyLoader(),
  schema: workSchema(),
});

/** Each document's correction log, keyed by the document's slug. */
const corrections = defineCollection({
  loader: correctionsLoader(),
  schema: z.object({ entries: correctionLogSchema }),
});

export const collections = { documents, entities, bibliography, corrections };
