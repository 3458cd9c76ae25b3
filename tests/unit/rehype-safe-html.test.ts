import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { rehypePlugins } from '../../src/plugins/index.ts';
import rehypeSafeHtml from '../../src/plugins/rehype-safe-html.ts';
import { describeFixtures, render } from '../helpers/render.ts';

describe('rehype-safe-html', () => {
  describeFixtures(fileURLToPath(new URL('fixtures/rehype-safe-html', import.meta.url)), () => ({ rehype: [rehypeSafeHtml], rawHtml: true }), { test, expect });

  test('more link schemes can be allowed', async () => {
    const markdown = 'Call [the archive](tel:+74951234567).\n';
    await expect(render(markdown, { rehype: [rehypeSafeHtml], rawHtml: true })).rejects.toThrow('uses the tel: scheme');
    const { html } = await render(markdown, { rehype: [[rehypeSafeHtml, { protocols: ['https', 'tel'] }]], rawHtml: true });
    expect(html).toBe('<p>Call <a href="tel:+74951234567">the archive</a>.</p>');
  });

  test('the forbidden elements can be chosen', async () => {
    const markdown = 'A <video src="clip.mp4"></video> here.\n';
    const { html } = await render(markdown, { rehype: [rehypeSafeHtml], rawHtml: true });
    expect(html).toContain('<video src="clip.mp4">');
    await expect(render(markdown, { rehype: [[rehypeSafeHtml, { forbiddenElements: ['video'] }]], rawHtml: true })).rejects.toThrow(
      '<video> is not allowed in a document',
    );
  });

  test('Markdown without raw HTML is checked too (a javascript: link is a Markdown link)', async () => {
    await expect(render('[x](javascript:alert(1))\n', { rehype: [rehypeSafeHtml] })).rejects.toThrow('javascript: scheme');
  });

  test('runs first among the site’s rehype plugins, before any other sees unchecked HTML', () => {
    expect(rehypePlugins()[0]).toBe(rehypeSafeHtml);
  });
});
