/** A sentence split around the first occurrence of the words that mention an entity, for <mark>. */
export function splitAround(sentence: string, words: string): { before: string; match: string; after: string } {
  const at = sentence.indexOf(words);
  if (at === -1 || words === '') return { before: sentence, match: '', after: '' };
  return { before: sentence.slice(0, at), match: words, after: sentence.slice(at + words.length) };
}
