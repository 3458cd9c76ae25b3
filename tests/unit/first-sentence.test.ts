import { describe, expect, test } from 'vitest';
import { firstSentence } from '../../src/lib/entity-index.ts';

describe('firstSentence', () => {
  test('stops at the end of the first sentence', () => {
    expect(firstSentence('Premier of the PRC. He led the delegation to Bandung.')).toBe('Premier of the PRC.');
  });

  test('does not stop at an initial', () => {
    expect(firstSentence('A visit led by Khrushchev, with M. A. Suslov and A. A. Gromyko. It lasted three days.')).toBe(
      'A visit led by Khrushchev, with M. A. Suslov and A. A. Gromyko.',
    );
    expect(firstSentence('Recorded by S. F. Antonov. Translated later.')).toBe('Recorded by S. F. Antonov.');
  });

  test('does not stop at a title before a name', () => {
    expect(firstSentence('Led by Gen. Qasim after the coup. He ruled until 1963.')).toBe('Led by Gen. Qasim after the coup.');
  });

  test('a sentence that ends with an initial-like word still ends', () => {
    expect(firstSentence('Aid from the U.S. ended. Later it resumed.')).toBe('Aid from the U.S. ended.');
  });

  test('text of one sentence comes back whole', () => {
    expect(firstSentence('Mao Zedong, S. F. Antonov, B. N. Vereshagin, Yan Mingfu.')).toBe('Mao Zedong, S. F. Antonov, B. N. Vereshagin, Yan Mingfu.');
  });
});
