/**
 * Every internal link of the built site resolves: the page exists, and so does the element a
 * #fragment names (¶ anchors, notes, entity anchors on the map, the people-and-places list).
 */
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { builtPages, fileFor, idsOf, parsePage } from '../helpers/built-site.ts';

const dist = 'dist';
const site = 'https://site.invalid';

describe('internal links', () => {
  const pages = builtPages(dist);
  test('there are pages', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  test.each(pages)('%s', (page) => {
    const tree = parsePage(`${dist}/${page}`);
    const here = new URL(`/${page.replace(/index\.html$/, '')}`, site);
    const broken: string[] = [];
    for (const link of selectAll('a[href], link[href][rel="canonical"]', tree) as Element[]) {
      const href = String(link.properties['href']);
      const target = new URL(href, here);
      if (target.origin !== site && !href.startsWith('https://example.org')) continue;
      if (href.startsWith('https://example.org')) continue;
      const file = fileFor(dist, target.pathname);
      if (file === undefined) {
        broken.push(`${href} (no page)`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment !== '' && !idsOf(parsePage(file)).has(fragment)) broken.push(`${href} (no #${fragment})`);
    }
    expect(broken).toEqual([]);
  });
});
