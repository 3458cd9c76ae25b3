/**
 * Every name of every entity, as search downloads it when the reader first uses a search box:
 * to tell whether a query names an entity in any spelling (then its mentions are searched
 * for, by the entity's own search term), to mark the text's spellings in excerpts and on
 * arrival, and to suggest the nearest name for a misspelt query (see packNames); and, for an
 * archive built in parts, the parts to search.
 */
import type { APIRoute } from 'astro';
import { siteEntities } from '../../data/site-data.ts';
import { parseSearchParts } from '../../lib/search-parts.ts';
import { packNames } from '../../lib/search-terms.ts';

export const GET: APIRoute = async () => {
  const entities = await siteEntities();
  const names = packNames(entities.map((entity) => ({ ...entity, refersTo: entity.type === 'abbreviation' ? entity.refersTo : undefined })));
  // An archive built in parts: the other parts' indexes every search box searches too (README,
  // "Past one build"). Unset, null.
  const parts = parseSearchParts(process.env['SEARCH_PARTS'], import.meta.env.BASE_URL) ?? null;
  return new Response(JSON.stringify({ parts, names }), { headers: { 'content-type': 'application/json' } });
};
