import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import remarkAnchorLock from '../../src/plugins/remark-anchor-lock.ts';
import remarkParagraphIds from '../../src/plugins/remark-paragraph-ids.ts';
import { describeFixtures, render } from '../helpers/render.ts';

describe('remark-anchor-lock', () => {
  describeFixtures(
    fileURLToPath(new URL('fixtures/remark-anchor-lock', import.meta.url)),
    (fixture) => ({ remark: [remarkParagraphIds, [remarkAnchorLock, fixture.pluginOptions]] }),
    { test, expect },
  );

  test('a document that was never published is not checked', async () => {
    const { html } = await render('New. {#p1}\n', {
      remark: [remarkParagraphIds, [remarkAnchorLock, { lock: { other: { p9: { label: '¶ 9', hash: 'x', excerpt: 'x' } } } }]],
      frontmatter: { slug: 'new-document' },
    });
    expect(html).toContain('id="p1"');
  });
});
