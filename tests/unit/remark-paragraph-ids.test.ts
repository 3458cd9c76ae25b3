import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import remarkParagraphIds from '../../src/plugins/remark-paragraph-ids.ts';
import { describeFixtures, render } from '../helpers/render.ts';

describe('remark-paragraph-ids', () => {
  describeFixtures(fileURLToPath(new URL('fixtures/remark-paragraph-ids', import.meta.url)), () => ({ remark: [remarkParagraphIds] }), { test, expect });

  test('records every anchor with its line, label and a hash of its text', async () => {
    const { file } = await render('## Part {#part}\n\nOne   two\nthree. {#p1}\n', { remark: [remarkParagraphIds] });
    expect(file.data.anchors).toEqual([
      { id: 'part', label: 'Part', line: 1, hash: expect.stringMatching(/^[0-9a-f]{16}$/), excerpt: 'Part' },
      { id: 'p1', label: '¶ 1', line: 3, hash: expect.stringMatching(/^[0-9a-f]{16}$/), excerpt: 'One two three.' },
    ]);
  });

  test('the hash ignores how the text is wrapped, not what it says', async () => {
    const anchorsOf = async (markdown: string) => (await render(markdown, { remark: [remarkParagraphIds] })).file.data.anchors ?? [];
    const [wrapped] = await anchorsOf('One two\nthree. {#p1}\n');
    const [flat] = await anchorsOf('One two three. {#p1}\n');
    const [corrected] = await anchorsOf('One two four. {#p1}\n');
    expect(wrapped?.hash).toBe(flat?.hash);
    expect(corrected?.hash).not.toBe(flat?.hash);
  });

  test('custom numbering schemes', async () => {
    const { html } = await render('Annex text. {#a1}\n', {
      remark: [[remarkParagraphIds, { schemes: [{ prefix: 'a', label: 'Annex ¶ ' }] }]],
    });
    expect(html).toContain('<a href="#a1" class="pnum">Annex ¶ 1</a>');
  });
});
