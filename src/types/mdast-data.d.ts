/**
 * What the Markdown plugins tell one another, as typed fields on the nodes they make: the
 * edition's own words (a paragraph's number, an insertion's spoken label) and a numbered
 * paragraph's id and label. Nothing here reaches the page; the search index finds the same
 * things in the built page by their classes (src/lib/search-index.ts). A declaration file:
 * TypeScript reads it with the project, so no module needs to import it.
 */
declare module 'mdast' {
  interface Data {
    /** Words of the edition, not of the text (a ¶ number, a label for screen readers): never searched for names. */
    apparatus?: boolean;
  }
  interface ParagraphData {
    /** A numbered paragraph's permanent id and what readers see, e.g. `p12` and `¶ 12`; set by remark-paragraph-ids. */
    paragraph?: { id: string; label: string };
  }
}

export {};
