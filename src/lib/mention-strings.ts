/**
 * One copy of each string the mentions of a document repeat. Read back from JSON, every mention
 * carries its own copy of its sentence, its entity's id and its paragraph's label, and the pages
 * hold the mentions of every document at once (the entity pages list them all): at 10,000
 * documents the copies were more than half of those mentions' memory (773 MB, 342 MB without),
 * and every full garbage collection of the pages' phase walked them.
 */
import type { Mention } from './mentions.ts';

/**
 * Ids and labels come from the registry and the paragraph numbers: few, and the same in every
 * document, so one table serves the build. Sentences and the mentions' words are the document's
 * own and are shared within it only, so that no table grows with the collection.
 */
export class MentionStrings {
  readonly #names = new Map<string, string>();

  /** The document's mentions, equal to `mentions`, each repeated string held once. */
  share(mentions: readonly Mention[]): Mention[] {
    const own = new Map<string, string>();
    const name = (text: string) => once(this.#names, text);
    return mentions.map((mention) => ({
      ...mention,
      entity: name(mention.entity),
      paragraph: name(mention.paragraph),
      label: name(mention.label),
      text: once(own, mention.text),
      sentence: once(own, mention.sentence),
    }));
  }

  /** How many names (ids, paragraph ids and labels) the build-wide table holds. */
  get size(): number {
    return this.#names.size;
  }
}

function once(table: Map<string, string>, text: string): string {
  const known = table.get(text);
  if (known !== undefined) return known;
  table.set(text, text);
  return text;
}
