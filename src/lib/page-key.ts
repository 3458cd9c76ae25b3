/**
 * A page's cache key for Astro's incremental build (`experimental.incrementalBuild`): a page
 * whose key and code are those of the last build is copied from it, not rendered again. Astro
 * tracks the code (the page's modules); the key must stand for all the data the page shows, so
 * each route gives here everything it reads that is not code: its props, and what it reads
 * besides (the registry, the bibliography, a correction log).
 */
import { createHash } from 'node:crypto';

/**
 * JSON of the inputs, refusing what JSON would drop or blur without a word: a Map or Set (written
 * `{}`), a function, a symbol, a bigint, `undefined` in a list (written `null`). A key that
 * missed a change would leave a stale page in a build that reports success.
 */
function keyText(inputs: readonly unknown[]): string {
  return JSON.stringify(inputs, function (this: unknown, name, value: unknown) {
    if (value instanceof Map || value instanceof Set) throw new TypeError(`pageKey: "${name}" is a ${value.constructor.name}; give its entries as a list.`);
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new TypeError(`pageKey: "${name}" is a ${typeof value}, which JSON cannot hold.`);
    if (value === undefined && Array.isArray(this)) throw new TypeError(`pageKey: item ${name} of a list is undefined.`);
    return value;
  });
}

/** The key of a page made from `inputs`: equal inputs give the same key, any change another. */
export function pageKey(...inputs: readonly unknown[]): string {
  return createHash('sha256').update(keyText(inputs)).digest('base64url');
}
