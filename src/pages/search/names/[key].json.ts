/**
 * The registry's names, in shards by the first letter of each word (shardNames), as search
 * downloads them for a query's words: to tell whether a query names an entity in any spelling
 * (its mentions are then searched for by the entity's own term), to mark the text's spellings in
 * excerpts and on arrival, and to suggest the nearest name for a misspelt query.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteEntities } from '../../../data/site-data.ts';
import { packNames, shardNames } from '../../../lib/search-terms.ts';

export const getStaticPaths = (async () => {
  const entities = await siteEntities();
  const shards = shardNames(packNames(entities.map((entity) => ({ ...entity, refersTo: entity.type === 'abbreviation' ? entity.refersTo : undefined }))));
  return [...shards].map(([key, names]) => ({ params: { key }, props: { names } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props['names']), { headers: { 'content-type': 'application/json' } });
