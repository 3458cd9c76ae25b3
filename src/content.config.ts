import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { correctionsLoader } from './loaders/corrections.ts';
import { documentsLoader } from './loaders/documents.ts';
import { correctionLogSchema } from './schemas/corrections.ts';
import { documentSchema } from './schemas/document.ts';

const documents = defineCollection({
  loader: documentsLoader(documentSchema),
  schema: documentSchema,
});

/** Each document's correction log, keyed by the document's slug. */
const corrections = defineCollection({
  loader: correctionsLoader(),
  schema: z.object({ entries: correctionLogSchema }),
});

export const collections = { documents, corrections };
