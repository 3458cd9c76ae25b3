import { describe, expect, test } from 'vitest';
import { pageKey } from '../../src/lib/page-key.ts';

describe('pageKey', () => {
  const entity = { id: 'mao-zedong', gloss: 'Chairman of the CCP', sources: [{ source: 'frus', at: 'doc. 12' }] };

  test('the same inputs give the same key; a change anywhere in them, another', () => {
    expect(pageKey(entity, 3)).toBe(pageKey(structuredClone(entity), 3));
    expect(pageKey(entity, 3)).not.toBe(pageKey(entity, 4));
    expect(pageKey({ ...entity, gloss: 'Chairman of the CCP.' }, 3)).not.toBe(pageKey(entity, 3));
    expect(pageKey({ ...entity, sources: [{ source: 'frus', at: 'doc. 13' }] }, 3)).not.toBe(pageKey(entity, 3));
  });

  test('inputs are told apart where they meet', () => {
    expect(pageKey('ab', 'c')).not.toBe(pageKey('a', 'bc'));
    expect(pageKey(['a', 'b'])).not.toBe(pageKey('a', 'b'));
    expect(pageKey(null)).not.toBe(pageKey());
  });

  test('a Map, a Set, a function or a hole in a list is refused, not keyed as nothing', () => {
    expect(() => pageKey({ byId: new Map([['a', 1]]) })).toThrow(/"byId" is a Map/);
    expect(() => pageKey({ ids: new Set(['a']) })).toThrow(/"ids" is a Set/);
    expect(() => pageKey({ render: () => 'html' })).toThrow(/"render" is a function/);
    expect(() => pageKey([1, undefined])).toThrow(/item 1 of a list is undefined/);
  });

  test('an absent property is the same as one set to undefined (as the page sees it)', () => {
    expect(pageKey({ a: 1, b: undefined })).toBe(pageKey({ a: 1 }));
  });
});
