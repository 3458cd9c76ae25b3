/** What a named entity's card shows beside its name: its kind, dates and role on the documents' date. */
export interface EntityCard {
  type: string;
  dates?: string | undefined;
  role: string;
}

/** An entity's names, as search needs them: to tell whether a query names it, and to mark the text's spellings. */
export interface EntityNames {
  /** The entity's id: its page is /entities/<id>/. */
  id: string;
  /** Spellings as printed in the documents. */
  spellings: readonly string[];
  /** The modern name first, then every other spelling a reader may type. */
  names: readonly string[];
  /** For an abbreviation: the entity it stands for. */
  abbreviates?: string | undefined;
  card?: EntityCard | undefined;
}

/**
 * The registry's names as the search code downloads them (search/names/<key>.json): one array
 * per entity, `[id, spellings, names, [kind, dates, role], abbreviates?]`, names that repeat a
 * spelling left out, dates "" when it has none.
 */
export type PackedNames = [string, string[], string[], [string, string, string]] | [string, string[], string[], [string, string, string], string];

export interface PackableEntity {
  id: string;
  name: string;
  spellings: readonly string[];
  variants: readonly string[];
  refersTo?: string | undefined;
  card: EntityCard;
}

export function packNames(entities: readonly PackableEntity[]): PackedNames[] {
  return entities.map((entity) => {
    const spellings = [...entity.spellings];
    const names = [entity.name, ...entity.variants.filter((variant) => variant !== entity.name && !spellings.includes(variant))];
    const card: [string, string, string] = [entity.card.type, entity.card.dates ?? '', entity.card.role];
    return entity.refersTo ? [entity.id, spellings, names, card, entity.refersTo] : [entity.id, spellings, names, card];
  });
}

export function unpackNames(packed: readonly PackedNames[]): EntityNames[] {
  return packed.map(([id, spellings, names, [type, dates, role], abbreviates]) => ({
    id,
    spellings,
    names,
    abbreviates,
    card: { type, dates: dates || undefined, role },
  }));
}

/**
 * The names travel in shards, by first letter (search/names/<key>.json): a query needs only the
 * shards of its own words' first letters, so a first search fetches a few names, however large
 * the registry grows. Letters and digits have a shard each; other scripts one per script.
 */
export function shardKey(word: string): string {
  const first = [...fold(word)][0] ?? '';
  if (/^[a-z0-9]$/.test(first)) return first;
  if (/^\p{Script=Cyrillic}$/u.test(first)) return 'cyrillic';
  if (/^\p{Script=Han}$/u.test(first)) return 'han';
  if (/^\p{Script=Greek}$/u.test(first)) return 'greek';
  return 'other';
}

/** The words of a name or query, as shards and search count them. */
const wordsOf = (text: string) => text.split(/[\s\-‐–—/(),.]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));

/** The shards a query's words fall in. */
export function shardKeys(query: string): string[] {
  return [...new Set(wordsOf(query).map(shardKey))];
}

/**
 * Each shard's entities: an entity goes into the shards of the first and the last word of each
 * of its names, where a query for it starts ("Mao Tse-Tung") or that it may be ("Khrushchev"
 * for "N.S. Khrushchev", misspelt or not).
 */
export function shardNames(packed: readonly PackedNames[]): Map<string, PackedNames[]> {
  const shards = new Map<string, PackedNames[]>();
  for (const entity of packed) {
    const ends = (name: string) => {
      const words = wordsOf(name);
      return [words[0], words.at(-1)].filter((word) => word !== undefined);
    };
    const keys = new Set([...entity[1], ...entity[2]].flatMap((name) => ends(name).map(shardKey)));
    for (const key of keys) shards.set(key, [...(shards.get(key) ?? []), entity]);
  }
  return shards;
}

/**
 * The search term that stands for one entity in the index, beside each of its mentions (see
 * search-index.ts): `zq` + the id's letters and digits + `qz`. Searching for it finds the
 * paragraphs that mention the entity, in any spelling, and nothing else: Pagefind matches a
 * query as the start of a word, and one id's term never starts another's, because it ends in
 * `qz`; and no English stem rule changes a word that ends in `qz`.
 */
export function entityToken(id: string): string {
  return `zq${id.toLowerCase().replace(/[^a-z0-9]/g, '')}qz`;
}

/** An entity term in an excerpt, marked or not: after a mention's words, or a block of its own (with its full stop). */
const tokenInExcerpt = /\s*(?:<mark>)?zq[a-z0-9]+qz(?:<\/mark>)?/g;
const tokenBlock = /(^|[.!?:])\s*(?:<mark>)?zq[a-z0-9]+qz(?:<\/mark>)?\./g;

export const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

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

const bare = (name: string) => fold(name.replace(/\s*\(.*\)$/, ''));
const names = (entity: EntityNames) => [...entity.names, ...entity.spellings];

/**
 * The entities a query names outright, in any of their spellings (a trailing "(…)" of a name
 * may be left out): their cards come first, and their mentions before other matches. The
 * entity whose own name the query is comes first; then an abbreviation before what it stands
 * for (its entry explains the letters and links on); then the registry's order.
 */
export function namedEntities(query: string, entities: readonly EntityNames[]): string[] {
  const folded = fold(query.trim().replace(/\s+/g, ' '));
  if (folded === '') return [];
  const named = entities.filter((entity) => names(entity).some((name) => fold(name) === folded || bare(name) === folded));
  const ids = new Set(named.map((entity) => entity.id));
  const rank = (entity: EntityNames) =>
    entity.names[0] !== undefined && (fold(entity.names[0]) === folded || bare(entity.names[0]) === folded)
      ? 0
      : entity.abbreviates && ids.has(entity.abbreviates)
        ? 1
        : 2;
  return named
    .map((entity, index) => ({ entity, index }))
    .sort((a, b) => rank(a.entity) - rank(b.entity) || a.index - b.index)
    .map(({ entity }) => entity.id);
}

/**
 * A query of several words in which some words name an entity ("Jinmen shelling"): those
 * words replaced by the entity's search term, so that the search finds the paragraphs that
 * mention it in any spelling with the other words. The longest names are taken first, from
 * the left. Undefined when no words name an entity, or when the whole query does (then the
 * entity is searched on its own).
 */
export function queryWithEntities(query: string, entities: readonly EntityNames[]): string | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 || namedEntities(query, entities).length > 0) return undefined;
  const out: string[] = [];
  let changed = false;
  for (let start = 0; start < words.length; ) {
    let taken = 0;
    for (let length = words.length - start; length >= 1 && taken === 0; length--) {
      const id = namedEntities(words.slice(start, start + length).join(' '), entities)[0];
      if (id !== undefined) {
        out.push(entityToken(id));
        taken = length;
      }
    }
    if (taken === 0) {
      out.push(words[start] ?? '');
      taken = 1;
    } else changed = true;
    start += taken;
  }
  return changed ? out.join(' ') : undefined;
}

/**
 * Whether the box should search as the reader types: from two letters (one Latin letter matches
 * the start of thousands of words), or from one character of a script written without spaces.
 */
export function worthSearching(query: string): boolean {
  const trimmed = query.trim();
  return [...trimmed].length >= 2 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(trimmed);
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

/** A result's URL with the words to highlight, kept before the #fragment; read back by termsFromUrl (highlight-terms.ts). */
export function withHighlight(url: string, terms: readonly string[]): string {
  if (terms.length === 0) return url;
  const [path = '', hash] = url.split('#');
  const separator = path.includes('?') ? '&' : '?';
  const query = `${separator}highlight=${encodeURIComponent(terms.join('|'))}`;
  return `${path}${query}${hash === undefined ? '' : `#${hash}`}`;
}

/**
 * A Pagefind excerpt as the reader should see it: without the entity terms that the index
 * carries beside each mention (`entityToken`), and with the text's own spellings of the searched
 * names marked.
 */
export function cleanExcerpt(html: string, terms: readonly string[]): string {
  let text = html
    .replace(tokenBlock, '$1')
    .replace(tokenInExcerpt, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  const plain = terms.filter((term) => !text.includes(`<mark>${term}</mark>`));
  if (plain.length > 0) {
    const escaped = [...plain].sort((a, b) => b.length - a.length).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // Only in text, not inside tags.
    text = text.replace(/(<[^>]*>)|([^<]+)/g, (_whole, tag: string | undefined, words: string | undefined) =>
      tag !== undefined
        ? tag
        : (words ?? '').replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), (match) => `<mark>${match}</mark>`),
    );
  }
  return text;
}
