/** A sentence split around the first occurrence of the words that mention an entity, for <mark>. */
export function splitAround(sentence: string, words: string): { before: string; match: string; after: string } {
  const at = sentence.indexOf(words);
  if (at === -1 || words === '') return { before: sentence, match: '', after: '' };
  return { before: sentence.slice(0, at), match: words, after: sentence.slice(at + words.length) };
}

/**
 * The words to mark on a page reached from a search result: the search code writes them into
 * the result's URL as `?highlight=word|word` (withHighlight in search-terms.ts), and the page
 * reads them here, loading nothing else of search.
 */
export function termsFromUrl(search: string): string[] {
  const value = new URLSearchParams(search).get('highlight');
  return value
    ? value
        .split('|')
        .map((term) => term.trim())
        .filter(Boolean)
    : [];
}
