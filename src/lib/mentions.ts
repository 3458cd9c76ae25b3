/**
 * What the Markdown pipeline records of each mention of a registry entity (remark-entity-mentions)
 * and the pages and the search index read back: shared data, so that neither needs the other.
 */

/** One mention of an entity in a numbered paragraph. */
export interface Mention {
  entity: string;
  /** The paragraph's permanent id and label, e.g. `p12` and `¶ 12`. */
  paragraph: string;
  label: string;
  /** The words of the text that mention the entity. */
  text: string;
  /** The sentence the mention stands in, as context for the index. */
  sentence: string;
}
