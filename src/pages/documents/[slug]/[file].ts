/**
 * Each document's citation files, written at build time: `<slug>.bib` (BibTeX), `<slug>.ris`
 * (RIS), `<slug>.json` (CSL-JSON), and `citations.json`, which the paragraph actions fetch when a
 * reader first asks to cite a paragraph.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { citationsOf } from '../_citations.ts';

export const getStaticPaths = (async () => {
  const documents = await getCollection('documents');
  return documents.flatMap((document) =>
    ['bib', 'ris', 'json'].map((extension) => `${document.data.slug}.${extension}`).concat('citations.json').map((file) => ({
      params: { slug: document.data.slug, file },
      props: { document },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, site }) => {
  const { document } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const citations = await citationsOf(document, site, import.meta.env.BASE_URL);
  const { slug } = document.data;
  const files: Record<string, [string, string]> = {
    [`${slug}.bib`]: [`${citations.document.bibtex}\n`, 'application/x-bibtex; charset=utf-8'],
    [`${slug}.ris`]: [`${citations.document.ris}\n`, 'application/x-research-info-systems; charset=utf-8'],
    [`${slug}.json`]: [`${citations.document.cslJson}\n`, 'application/vnd.citationstyles.csl+json; charset=utf-8'],
    'citations.json': [JSON.stringify({ document: citations.document, paragraphs: citations.paragraphs }), 'application/json'],
  };
  const [body, type] = files[String(params['file'])] ?? ['', 'text/plain'];
  return new Response(body, { headers: { 'content-type': type } });
};
