import { describe, expect, test } from 'vitest';
import { citingExample, exampleParagraph } from '../../src/lib/citing-example.ts';

const ids = (...list: string[]) => list.map((id) => ({ id }));
const numbered = (count: number) => Array.from({ length: count }, (_, index) => `p${index + 1}`);

describe('the example paragraph of the citing help', () => {
  test('is the middle paragraph of the document’s text, not of its introduction', () => {
    expect(exampleParagraph(ids('intro-1', 'intro-2', 'intro-3', 'p1', 'p2', 'p3'))?.id).toBe('p2');
    expect(exampleParagraph(ids(...numbered(32)))?.id).toBe('p16');
    expect(exampleParagraph(ids('p1'))?.id).toBe('p1');
  });

  test('skips what is not a numbered paragraph, and is absent without one', () => {
    expect(exampleParagraph(ids('document', 'p1', 'p2', 'p3', 'postscript'))?.id).toBe('p2');
    expect(exampleParagraph(ids('intro-1', 'intro-2'))).toBeUndefined();
    expect(exampleParagraph([])).toBeUndefined();
  });

  test('keeps whatever else the paragraphs carry (their citations)', () => {
    const paragraphs = [{ id: 'p1', apa: '(A, 1959, para. 1)' }];
    expect(exampleParagraph(paragraphs)).toBe(paragraphs[0]);
  });
});

describe('the How to cite page’s example', () => {
  test('prints the number, the links and the lettered number of a real paragraph of the first document', () => {
    expect(citingExample({ slug: 'first-document', paragraphIds: ['intro-1', ...numbered(9)] })).toEqual({
      label: '¶ 5',
      number: '5',
      addedLabel: '¶ 5a',
      link: '…/documents/first-document/#p5',
      fragment: '#p5:~:text=…',
    });
  });

  test('after a lettered paragraph comes the next letter', () => {
    expect(citingExample({ slug: 'd', paragraphIds: ['p1', 'p1a', 'p2'] })).toMatchObject({ label: '¶ 1a', number: '1a', addedLabel: '¶ 1b' });
  });

  test('without a document or a numbered paragraph, names none', () => {
    expect(citingExample(undefined)).toMatchObject({ label: '¶ 1', link: '…/documents/…/#p1' });
    expect(citingExample({ slug: 'only-an-introduction', paragraphIds: ['intro-1'] }).link).toBe('…/documents/…/#p1');
  });
});
