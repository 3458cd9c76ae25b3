/**
 * What the search index gets that the reader's page does not: beside the first mention of an
 * entity in each paragraph, every name of the entities it mentions, so that "Jinmen" or 金門
 * finds the paragraph that says "Quemoy". The names go into an attribute that Pagefind indexes
 * (data-pagefind-index-attrs), so the excerpt keeps the text's own words; they are bracketed
 * (⟦…⟧) so that the search page can take them out of an excerpt again (cleanExcerpt).
 * Done on a copy of the built page at indexing time: readers never download the lists.
 */
export function withSearchNames(html: string, names: ReadonlyMap<string, readonly string[]>): string {
  return html.replace(/<a class="mention" data-entity="([^"]+)"(?: data-entities="([^"]+)")?/g, (tag, primary: string, all?: string) => {
    const ids = all ? all.split(' ') : [primary];
    const terms = [...new Set(ids.flatMap((id) => names.get(id) ?? []))];
    if (terms.length === 0) return tag;
    return `${tag} data-pagefind-index-attrs="data-names" data-names="${escapeAttribute(`⟦${terms.join(' · ')}⟧`)}"`;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
