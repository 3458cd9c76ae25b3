import { defineCollection } from 'astro:content';
import { documentsLoader } from './loaders/documents.ts';
import { entitiesLoader } from './loaders/entities.ts';
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

export const collections = { documents, entities };
