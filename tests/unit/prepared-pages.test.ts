/**
 * The search step's copies of built pages (src/integrations/prepared-pages.ts): a page is
 * prepared once for its bytes and its version, read back after, and forgotten when a build no
 * longer has it. That a warm build's index is the same bytes as a cold one's is tested on real
 * builds in tests/e2e/incremental.test.ts.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PreparedPages, pageDigest } from '../../src/integrations/prepared-pages.ts';
import { preparedPagesDir, RenderCache } from '../../src/content/render-cache.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edition-prepared-pages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in for prepareForIndex that counts its calls. */
function counting() {
  const calls: string[] = [];
  const prepare = (html: string) => {
    calls.push(html);
    return html.toUpperCase();
  };
  return { calls, prepare };
}

describe('PreparedPages', () => {
  test('prepares a page once; the same bytes are read back, other bytes prepared', () => {
    const dir = join(scratch, 'once');
    const { calls, prepare } = counting();
    const first = new PreparedPages(dir, 'v1');
    expect(first.get('<p>a</p>', prepare)).toBe('<P>A</P>');
    const next = new PreparedPages(dir, 'v1');
    expect(next.get('<p>a</p>', prepare)).toBe('<P>A</P>');
    expect(next.get('<p>b</p>', prepare)).toBe('<P>B</P>');
    expect(calls).toEqual(['<p>a</p>', '<p>b</p>']);
    expect(next.reused).toBe(1);
  });

  test('another version (other code, other facets) prepares every page again', () => {
    const dir = join(scratch, 'version');
    const { calls, prepare } = counting();
    new PreparedPages(dir, 'v1').get('<p>a</p>', prepare);
    const other = new PreparedPages(dir, 'v2');
    other.get('<p>a</p>', prepare);
    expect(calls).toHaveLength(2);
    expect(other.reused).toBe(0);
  });

  test('prune keeps the pages this build asked for, and only those', () => {
    const dir = join(scratch, 'prune');
    const { calls, prepare } = counting();
    const before = new PreparedPages(dir, 'v1');
    before.get('<p>kept</p>', prepare);
    before.get('<p>gone</p>', prepare);
    const after = new PreparedPages(dir, 'v1');
    after.get('<p>kept</p>', prepare);
    after.prune();
    expect(readdirSync(dir)).toHaveLength(1);
    const again = new PreparedPages(dir, 'v1');
    again.get('<p>kept</p>', prepare);
    again.get('<p>gone</p>', prepare);
    expect(again.reused).toBe(1);
    expect(calls).toEqual(['<p>kept</p>', '<p>gone</p>', '<p>gone</p>']);
  });

  test('a retained page survives prune unread, and is read back by the next build', () => {
    const dir = join(scratch, 'retain');
    const { calls, prepare } = counting();
    new PreparedPages(dir, 'v1').get('<p>in a copied bundle</p>', prepare);
    const copying = new PreparedPages(dir, 'v1');
    copying.retain(pageDigest('<p>in a copied bundle</p>'));
    copying.prune();
    const later = new PreparedPages(dir, 'v1');
    expect(later.get('<p>in a copied bundle</p>', prepare)).toBe('<P>IN A COPIED BUNDLE</P>');
    expect(calls).toHaveLength(1);
    expect(later.reused).toBe(1);
  });

  test('lives in the content folder’s cache of renders, whose pruning leaves it alone', async () => {
    const renders = new RenderCache(scratch, 'collection');
    await renders.write('k1', { html: '<p>1</p>', frontmatter: {} }, {});
    const dir = preparedPagesDir(scratch, 'collection');
    expect(dir.startsWith(renders.dir)).toBe(true);
    new PreparedPages(dir, 'v1').get('<p>a</p>', counting().prepare);
    expect(renders.prune(new Set())).toBe(3);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
