import { describe, expect, test } from 'vitest';
import { MentionStrings } from '../../src/lib/mention-strings.ts';
import type { Mention } from '../../src/lib/mentions.ts';

const mention = (entity: string, paragraph: string, text: string, sentence: string): Mention => ({
  entity,
  paragraph,
  label: `¶ ${paragraph.slice(1)}`,
  text,
  sentence,
});

describe('the strings of the mentions, held once', () => {
  test('leave every mention as it was', () => {
    const document = [
      mention('mao-zedong', 'p1', 'Mao', 'Mao received Antonov.'),
      mention('antonov-sergei', 'p1', 'Antonov', 'Mao received Antonov.'),
      mention('mao-zedong', 'p2', 'Mao Zedong', 'Mao Zedong spoke of Taiwan.'),
    ];
    const copy = structuredClone(document);
    expect(new MentionStrings().share(document)).toEqual(copy);
    expect(document).toEqual(copy);
  });

  test('share names across documents but keep no document’s sentences or words for the next', () => {
    const strings = new MentionStrings();
    strings.share([mention('mao-zedong', 'p1', 'Mao', 'Mao received Antonov.')]);
    strings.share([mention('mao-zedong', 'p1', 'the Chairman', 'The Chairman said so.'), mention('taiwan', 'p2', 'Taiwan', 'Of Taiwan.')]);
    // mao-zedong, p1, ¶ 1, taiwan, p2, ¶ 2: the names only.
    expect(strings.size).toBe(6);
  });
});
