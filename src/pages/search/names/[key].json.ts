/**
 * The registry's names, in shards by the first letter of each word (shardNames), as search
 * downloads them for a query's words: to tell whether a query names an entity in any spelling
 * (its card shows first, then its mentions), to mark the text's spellings in excerpts and on
 * arrival, and to suggest the nearest name for a misspelt query.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteEntities } from '../../../data/site-data.ts';
import { entityDates, entityRole } from '../../../lib/entity-summary.ts';
import { pageKey } from '../../../lib/page-key.ts';
import { packNames, shardNames } from '../../../shared/search-terms.ts';
import { entityFiles } from '../../../schemas/entity.ts';

export const getStaticPaths = (async () => {
  const entities = await siteEntities();
  const shards = shardNames(
    packNames(
      entities.map((entity) => ({
        ...entity,
        refersTo: entity.type === 'abbreviation' ? entity.refersTo : undefined,
        card: { type: entityFiles[entity.type].singular, dates: entityDates(entity), role: entityRole(entity.gloss) },
      })),
    ),
  );
  return [...shards].map(([key, names]) => ({ params: { key }, props: { names }, cacheKey: pageKey(names) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props['names']), { headers: { 'content-type': 'application/json' } });
