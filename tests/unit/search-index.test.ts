import { describe, expect, test } from 'vitest';
import { withSearchNames } from '../../src/lib/search-index.ts';

const names = new Map([
  ['kinmen', ['Kinmen (Quemoy)', 'Quemoy', 'Jinmen', '金門']],
  ['beijing', ['Beijing', 'Peking', '北京']],
]);

describe('the names the index gets beside a mention', () => {
  test('a linked mention carries every name of its entity, bracketed', () => {
    const html = '<a class="mention" data-entity="kinmen" href="/entities/kinmen/">Quemoy</a>';
    expect(withSearchNames(html, names)).toBe(
      '<a class="mention" data-entity="kinmen" data-pagefind-index-attrs="data-names" data-names="⟦Kinmen (Quemoy) · Quemoy · Jinmen · 金門⟧" href="/entities/kinmen/">Quemoy</a>',
    );
  });

  test('a description carries the names of the entities inside it too', () => {
    const html = '<a class="mention" data-entity="rb57" data-entities="rb57 beijing" href="/x/">shot down near Peking</a>';
    expect(withSearchNames(html, names)).toContain('data-names="⟦Beijing · Peking · 北京⟧"');
  });

  test('later mentions (not links) and entities without names are left as they are', () => {
    const html = '<span class="mention" data-entity="kinmen">Quemoy</span><a class="mention" data-entity="nobody" href="/">x</a>';
    expect(withSearchNames(html, names)).toBe(html);
  });

  test('quotes in a name cannot break the attribute', () => {
    const html = '<a class="mention" data-entity="q" href="/">x</a>';
    expect(withSearchNames(html, new Map([['q', ['“Democratic reform”', 'a "b"']]]))).toContain('data-names="⟦“Democratic reform” · a &quot;b&quot;⟧"');
  });
});
