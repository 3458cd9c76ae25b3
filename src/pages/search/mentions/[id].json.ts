/**
 * The paragraphs that mention one entity, best first, with their excerpts (see
 * src/lib/search-mentions.ts): what search shows first when a query names the entity.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteDocuments, siteEntities } from '../../../data/site-data.ts';
import { pageKey } from '../../../lib/page-key.ts';
import { mentionFiles } from '../../../lib/search-mentions.ts';

export const getStaticPaths = (async () => {
  const [entities, documents] = await Promise.all([siteEntities(), siteDocuments()]);
  return [...mentionFiles(entities, documents)].map(([id, file]) => ({ params: { id }, props: { file }, cacheKey: pageKey(file) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props['file']), { headers: { 'content-type': 'application/json' } });
