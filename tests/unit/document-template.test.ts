/** The template a new document starts from (docs/document-template.md) passes the build's checks as it is. */
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { PluggableList } from 'unified';
import { expect, test } from 'vitest';
import { entitiesDir } from '../../src/content/content-files.ts';
import { readEntities } from '../../src/content/entities.ts';
import type { SourceRef } from '../../src/plugins/remark-source-links.ts';
import { rehypePlugins, remarkPlugins } from '../../src/plugins/index.ts';
import { documentSchema } from '../../src/schemas/document.ts';
import { render } from '../helpers/render.ts';

const template = readFileSync('docs/document-template.md', 'utf8');
const { frontmatter, content } = parseFrontmatter(template);
// The template's placeholder ids, as an author adds them to content/bibliography.yaml.
const bibliography: SourceRef[] = [
  { id: 'id-of-the-work', kind: 'scholarly', url: 'https://doi.org/10.5555/12345678' },
  { id: 'id-of-a-related-record', kind: 'primary', url: 'https://digitalarchive.wilsoncenter.org/document/112088' },
];

test('its frontmatter is valid', () => {
  expect(documentSchema.safeParse(frontmatter).error?.issues ?? []).toEqual([]);
});

test('its text goes through the whole pipeline: ids, a note in the margin', async () => {
  const { html } = await render(content, {
    frontmatter,
    remark: remarkPlugins({ lock: {}, lockPath: 'content/anchors.lock.json', entities: readEntities(entitiesDir), bibliography, base: '/' }) as PluggableList,
    rehype: rehypePlugins() as PluggableList,
    rawHtml: true,
  });
  expect(html).toContain('id="intro-1"');
  expect(html).toContain('id="p2"');
  expect(html).toContain('class="sidenote"');
  expect(html).toContain('<a href="https://doi.org/10.5555/12345678">');
});
