import { defineCollection } from 'astro:content';
import { documentsLoader } from './loaders/documents.ts';
import { documentSchema } from './schemas/document.ts';

const documents = defineCollection({
  loader: documentsLoader(documentSchema),
  schema: documentSchema,
});

export const collections = { documents };
