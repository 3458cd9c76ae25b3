/** An entity's names, as the search page needs them to widen a highlight. */
export interface EntityNames {
  /** The entity's id: its page is /entities/<id>/. */
  id: string;
  /** Spellings as printed in the documents. */
  spellings: readonly string[];
  /** The modern name and every other spelling a reader may type. */
  names: readonly string[];
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The words to mark on the page a search result leads to: the query's own words, and, when the
 * query names an entity in another spelling ("Jinmen", "毛泽东"), the spellings the documents use
 * for it ("Quemoy", "Mao Tse-Tung"), since those are the words on the page.
 */
export function highlightTerms(query: string, entities: readonly EntityNames[]): string[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const terms = new Set(words);
  const folded = fold(query.trim());
  for (const entity of entities) {
    const all = [...entity.names, ...entity.spellings];
    const named = all.some((name) => {
      const candidate = fold(name);
      return candidate === folded || (folded.length >= 3 && candidate.split(/[\s-]+/).some((part) => part.startsWith(folded)));
    });
    if (named) for (const spelling of entity.spellings) terms.add(spelling);
  }
  return [...terms];
}

/** The entities a query names outright, in any of their spellings: their pages rank first. */
export function namedEntities(query: string, entities: readonly EntityNames[]): string[] {
  const folded = fold(query.trim());
  if (folded === '') return [];
  return entities
    .filter((entity) => [...entity.names, ...entity.spellings].some((name) => fold(name) === folded || fold(name.replace(/\s*\(.*\)$/, '')) === folded))
    .map((entity) => entity.id);
}

/**
 * The closest name in the registry to a query that found nothing ("Kruschev" → "Khrushchev"):
 * at most two letters added, dropped, changed or swapped per word, or undefined.
 */
export function closestName(query: string, entities: readonly EntityNames[]): string | undefined {
  const wanted = fold(query.trim());
  if (wanted.length < 4) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const entity of entities) {
    for (const name of [...entity.names, ...entity.spellings]) {
      for (const candidate of [name, ...name.split(/[\s-]+/)]) {
        const distance = editDistance(wanted, fold(candidate));
        const limit = wanted.length >= 8 ? 2 : 1;
        if (distance <= limit && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
      }
    }
  }
  return best?.name;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] ?? 0;
}

/** A result's URL with the words to highlight, kept before the #fragment. */
export function withHighlight(url: string, terms: readonly string[]): string {
  if (terms.length === 0) return url;
  const [path = '', hash] = url.split('#');
  const separator = path.includes('?') ? '&' : '?';
  const query = `${separator}highlight=${encodeURIComponent(terms.join('|'))}`;
  return `${path}${query}${hash === undefined ? '' : `#${hash}`}`;
}

/** The terms carried by a page's URL, as withHighlight wrote them. */
export function termsFromUrl(search: string): string[] {
  const value = new URLSearchParams(search).get('highlight');
  return value ? value.split('|').map((term) => term.trim()).filter(Boolean) : [];
}

/**
 * A Pagefind excerpt as the reader should see it: without the lists of alternative names that
 * the index carries in brackets (⟦…⟧) beside each mention, whole or cut off at either end, and
 * with the text's own spellings of the searched names marked.
 */
export function cleanExcerpt(html: string, terms: readonly string[]): string {
  let text = html
    .replace(/⟦[^⟧]*⟧\.?\s*/g, '')
    .replace(/^[^⟦]*?⟧\.?\s*/, '')
    .replace(/⟦[^⟧]*$/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  const plain = terms.filter((term) => !text.includes(`<mark>${term}</mark>`));
  if (plain.length > 0) {
    const escaped = [...plain].sort((a, b) => b.length - a.length).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // Only in text, not inside tags.
    text = text.replace(/(<[^>]*>)|([^<]+)/g, (_whole, tag: string | undefined, words: string | undefined) =>
      tag !== undefined ? tag : (words ?? '').replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), (match) => `<mark>${match}</mark>`),
    );
  }
  return text;
}
