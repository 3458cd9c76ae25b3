/**
 * For an archive built in parts (SEARCH_PARTS; docs/archive-in-parts.md): the other parts whose
 * indexes every search box searches too. `null` for a site built in one piece.
 */
import type { APIRoute } from 'astro';
import { parseSearchParts } from '../../shared/search-parts.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(parseSearchParts(process.env['SEARCH_PARTS'], import.meta.env.BASE_URL) ?? null), {
    headers: { 'content-type': 'application/json' },
  });
