import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import remarkInsertions, { classifyInsertion } from '../../src/plugins/remark-insertions.ts';
import { describeFixtures, render } from '../helpers/render.ts';

describe('remark-insertions', () => {
  describeFixtures(fileURLToPath(new URL('fixtures/remark-insertions', import.meta.url)), () => ({ remark: [remarkInsertions] }), { test, expect });

  test.each([
    ['[CPR]', 'translator'],
    ['[1918-1940--ed.]', 'editor'],
    ['[the movement -- ed.]', 'editor'],
    ['(i.e. the evaluation of the CC CPSU-S.A.)', 'signed'],
  ])('%s is inserted by the %s', (passage, by) => {
    expect(classifyInsertion(passage)).toBe(by);
  });

  test('labels can be changed', async () => {
    const { html } = await render('the [CPR]\n', {
      remark: [[remarkInsertions, { labels: { translator: 'added in translation' } }]],
    });
    expect(html).toContain('title="Added in translation"');
    expect(html).toContain('added in translation: ');
  });
});
