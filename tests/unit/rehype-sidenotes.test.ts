import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import rehypeSidenotes from '../../src/plugins/rehype-sidenotes.ts';
import { describeFixtures, render } from '../helpers/render.ts';

describe('rehype-sidenotes', () => {
  describeFixtures(fileURLToPath(new URL('fixtures/rehype-sidenotes', import.meta.url)), () => ({ rehype: [rehypeSidenotes] }), { test, expect });

  test('each note is sent once: beside its reference, with no footnote section after the text', async () => {
    const { html } = await render('A[^a] B[^b]\n\n[^a]: Note a.\n[^b]: Note b.\n', { rehype: [rehypeSidenotes] });
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(['fnref-a', 'fn-a', 'fnref-b', 'fn-b']);
    expect(html.match(/Note a\./g)).toHaveLength(1);
    expect(html).not.toContain('<section');
  });

  test('a note can take focus, so that following its reference moves focus into it', async () => {
    const { html } = await render('A[^a]\n\n[^a]: Note.\n', { rehype: [rehypeSidenotes] });
    expect(html).toMatch(/<span class="sidenote" id="fn-a" [^>]*tabindex="-1"/);
  });

  test('the close link can be renamed', async () => {
    const { html } = await render('A[^a]\n\n[^a]: Note.\n', {
      rehype: [[rehypeSidenotes, { closeLabel: 'Hide' }]],
    });
    expect(html).toContain('>Hide</a>');
  });

  test('a document without notes is left alone', async () => {
    const { html } = await render('No notes here.\n', { rehype: [rehypeSidenotes] });
    expect(html).toBe('<p>No notes here.</p>');
  });
});
