/**
 * Everything a document's pages need to be cited: its citations, and for every numbered
 * paragraph its permanent link, its text-fragment link and its citations with the ¶ pinpoint.
 */
import type { DocumentData } from '../schemas/document.ts';
import { cslItem, documentUrl, paragraphUrl, pinpoint } from './citation-item.ts';
import { type CitationSet, citationSet, type Formatted, pinpointedCitations } from './citations.ts';
import { paragraphDirectives } from './text-fragment.ts';

/** What a paragraph's "Cite" panel shows. */
export interface ParagraphCitations {
  id: string;
  /** "¶ 12". */
  label: string;
  /** The permanent link, `…/#p12`. */
  url: string;
  /** The link that also finds the words, `…/#p12:~:text=…`; absent when no words are safe to use. */
  fragmentUrl?: string;
  chicagoNote: Formatted;
  chicagoShortNote: Formatted;
  mlaInText: Formatted;
  apaInText: Formatted;
  bibtex: string;
  ris: string;
  cslJson: string;
}

export interface DocumentCitations {
  url: string;
  document: CitationSet;
  paragraphs: ParagraphCitations[];
}

/** Builds a document's citations; `site` and `base` are the site's origin and base path. */
export async function documentCitations(
  data: DocumentData,
  markdownBody: string,
  site: URL | string,
  base: string,
): Promise<DocumentCitations> {
  const url = documentUrl(site, base, data.slug);
  const documentItem = cslItem(data, url);
  const paragraphs: ParagraphCitations[] = [];
  for (const { id, directive } of await paragraphDirectives(markdownBody)) {
    const point = pinpoint(id);
    if (point === undefined) continue;
    const set = pinpointedCitations(cslItem(data, url, id), point);
    paragraphs.push({
      id,
      label: point.label,
      url: paragraphUrl(url, id),
      ...(directive === undefined ? {} : { fragmentUrl: `${paragraphUrl(url, id)}:~:${directive}` }),
      chicagoNote: set.chicagoNote,
      chicagoShortNote: set.chicagoShortNote,
      mlaInText: set.mlaInText,
      apaInText: set.apaInText,
      bibtex: set.bibtex,
      ris: set.ris,
      cslJson: set.cslJson,
    });
  }
  return { url, document: citationSet(documentItem), paragraphs };
}
