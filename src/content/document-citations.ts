/**
 * Everything a document's pages need to be cited: its citations, and for every numbered
 * paragraph its permanent link, its text-fragment link and its citations with the ¶ pinpoint.
 */
import type { DocumentData } from '../schemas/document.ts';
import { cslItem, documentUrl, paragraphUrl, pinpoint } from '../lib/citation-item.ts';
import { type CitationSet, exportCitations, type Formatted, paragraphStyleCitations } from './citations.ts';
import type { ParagraphDirective } from '../lib/text-fragment.ts';

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

/**
 * Builds a document's citations from its numbered paragraphs and their text directives (as
 * `remarkRecordDirectives` records them while the document renders); `site` and `base` are the
 * site's origin (undefined when it is not known: the addresses are then paths, see documentUrl)
 * and base path.
 */
export function documentCitations(
  data: DocumentData,
  directives: readonly ParagraphDirective[],
  site: URL | string | undefined,
  base: string,
): DocumentCitations {
  const url = documentUrl(site, base, data.slug);
  const documentItem = cslItem(data, url);
  const points = directives.flatMap(({ id }) => pinpoint(id) ?? []);
  const styled = paragraphStyleCitations((id) => cslItem(data, url, id), points, documentItem);
  const directiveOf = new Map(directives.map(({ id, directive }) => [id, directive]));
  const paragraphs = points.map((point, index): ParagraphCitations => {
    const { id } = point;
    const exports = exportCitations(cslItem(data, url, id), point);
    const directive = directiveOf.get(id);
    return {
      id,
      label: point.label,
      url: paragraphUrl(url, id),
      ...(directive === undefined ? {} : { fragmentUrl: `${paragraphUrl(url, id)}:~:${directive}` }),
      ...(styled.citations[index] as NonNullable<(typeof styled.citations)[number]>),
      ...exports,
    };
  });
  const { chicagoBibliography, mlaWorksCited, apaReference, ...notes } = styled.document;
  // In the order `citationSet` gives them, which the citation files keep.
  const document: CitationSet = { ...notes, ...exportCitations(documentItem), chicagoBibliography, mlaWorksCited, apaReference };
  return { url, document, paragraphs };
}
