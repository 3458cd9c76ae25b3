/**
 * Each document's files, written at build time: `<slug>.bib` (BibTeX), `<slug>.ris` (RIS),
 * `<slug>.json` (CSL-JSON); `citations.json`, which the paragraph actions fetch when a reader
 * first asks to cite a paragraph; and `names.json`, the short notes on the people and places it
 * mentions, which the reading page fetches when a reader first points at or focuses a name.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { documentCitations, documentRenderKey, sharedPageKeys, siteDocuments, siteEntities } from '../../../data/site-data.ts';
import { entityNotes } from '../../../lib/entity-facts.ts';
import { pageKey } from '../../../lib/page-key.ts';

export const getStaticPaths = (async () => {
  const [documents, { registry }] = await Promise.all([siteDocuments(), sharedPageKeys()]);
  return documents.flatMap((document) =>
    ['bib', 'ris', 'json']
      .map((extension) => `${document.slug}.${extension}`)
      .concat('citations.json', 'names.json')
      .map((file) => ({
        params: { slug: document.slug, file },
        props: { document },
        // The citations come with the render; names.json is the registry's notes on its names.
        cacheKey: pageKey(documentRenderKey(document.entry), file === 'names.json' ? registry : null),
      })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const { document } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const { slug } = document;
  if (params['file'] === 'names.json') {
    const notes = entityNotes(await siteEntities(), new Set(document.mentions.map((mention) => mention.entity)));
    return new Response(JSON.stringify(notes), { headers: { 'content-type': 'application/json' } });
  }
  const citations = documentCitations(document.entry);
  const files: Record<string, [string, string]> = {
    [`${slug}.bib`]: [`${citations.document.bibtex}\n`, 'application/x-bibtex; charset=utf-8'],
    [`${slug}.ris`]: [`${citations.document.ris}\n`, 'application/x-research-info-systems; charset=utf-8'],
    [`${slug}.json`]: [`${citations.document.cslJson}\n`, 'application/vnd.citationstyles.csl+json; charset=utf-8'],
    'citations.json': [JSON.stringify({ document: citations.document, paragraphs: citations.paragraphs }), 'application/json'],
  };
  const [body, type] = files[String(params['file'])] ?? ['', 'text/plain'];
  return new Response(body, { headers: { 'content-type': type } });
};
