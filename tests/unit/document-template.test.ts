/** The template a new document starts from (docs/document-template.md) passes the build's checks as it is. */
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { PluggableList } from 'unified';
import { expect, test } from 'vitest';
import { readEntities } from '../../src/lib/entities.ts';
import { rehypePlugins, remarkPlugins } from '../../src/plugins/index.ts';
import { documentSchema } from '../../src/schemas/document.ts';
import { render } from '../helpers/render.ts';

const template = readFileSync('docs/document-template.md', 'utf8');
const { frontmatter, content } = parseFrontmatter(template);

test('its frontmatter is valid', () => {
  expect(documentSchema.safeParse(frontmatter).error?.issues ?? []).toEqual([]);
});

test('its text goes through the whole pipeline: ids, a note in the margin', async () => {
  const { html } = await render(content, {
    frontmatter,
    remark: remarkPlugins({ lock: {}, lockPath: 'content/anchors.lock.json', entities: readEntities('content/entities'), base: '/' }) as PluggableList,
    rehype: rehypePlugins() as PluggableList,
    rawHtml: true,
  });
  expect(html).toContain('id="intro-1"');
  expect(html).toContain('id="p2"');
  expect(html).toContain('class="sidenote"');
});
