/**
 * A document's citations for the pages that show or serve them (the document page, its
 * downloads, How to cite), formatted once per build: the CSL engine is the slow part.
 */
import { type CollectionEntry, render } from 'astro:content';
import { type DocumentCitations, documentCitations } from '../../content/document-citations.ts';
import type { ParagraphDirective } from '../../lib/text-fragment.ts';

const built = new Map<string, Promise<DocumentCitations>>();

export function citationsOf(document: CollectionEntry<'documents'>, site: URL | undefined, base: string): Promise<DocumentCitations> {
  const key = `${document.data.slug} ${site?.href ?? ''} ${base}`;
  let citations = built.get(key);
  if (citations === undefined) {
    // The paragraphs and their text directives, as recorded when the document was rendered.
    citations = render(document).then(({ remarkPluginFrontmatter }) => {
      const directives = remarkPluginFrontmatter['paragraphDirectives'];
      if (!Array.isArray(directives)) throw new Error(`${document.data.slug}: the render recorded no paragraphs (remarkRecordDirectives must run).`);
      return documentCitations(document.data, directives as ParagraphDirective[], site, base);
    });
    built.set(key, citations);
  }
  return citations;
}
