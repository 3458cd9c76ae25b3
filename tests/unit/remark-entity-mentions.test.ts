import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PluggableList } from 'unified';
import { describe, expect, test } from 'vitest';
import remarkEntityMentions, { type EntityRef } from '../../src/plugins/remark-entity-mentions.ts';
import remarkInsertions from '../../src/plugins/remark-insertions.ts';
import remarkParagraphIds from '../../src/plugins/remark-paragraph-ids.ts';
import { describeFixtures, render } from '../helpers/render.ts';

const { entities } = JSON.parse(readFileSync(fileURLToPath(new URL('fixtures/entity-mentions-options.json', import.meta.url)), 'utf8')) as {
  entities: EntityRef[];
};
const pipeline: PluggableList = [remarkParagraphIds, remarkInsertions, [remarkEntityMentions, { entities }]];

describe('remark-entity-mentions', () => {
  describeFixtures(fileURLToPath(new URL('fixtures/remark-entity-mentions', import.meta.url)), () => ({ remark: pipeline }), {
    test,
    expect,
  });

  test('records each mention with its paragraph and sentence', async () => {
    const { file } = await render('Mao spoke. Then Quemoy was shelled, said Mao. {#p3}\n', { remark: pipeline });
    expect(file.data.mentions).toEqual([
      { entity: 'mao-zedong', paragraph: 'p3', label: '¶ 3', text: 'Mao', sentence: 'Mao spoke.' },
      { entity: 'kinmen', paragraph: 'p3', label: '¶ 3', text: 'Quemoy', sentence: 'Then Quemoy was shelled, said Mao.' },
      { entity: 'mao-zedong', paragraph: 'p3', label: '¶ 3', text: 'Mao', sentence: 'Then Quemoy was shelled, said Mao.' },
    ]);
  });

  test('an explicit link records the entities named inside it too', async () => {
    const { file } = await render('They [shelled Quemoy](entity:crisis-1958). {#p1}\n', { remark: pipeline });
    expect(file.data.mentions?.map((mention) => mention.entity)).toEqual(['crisis-1958', 'kinmen']);
  });

  test('the mentions reach Astro through the frontmatter it returns', async () => {
    const { file } = await render('Quemoy. {#p1}\n', { remark: pipeline, frontmatter: { slug: 'x' } });
    expect(file.data.astro?.frontmatter?.['mentions']).toHaveLength(1);
  });

  test('entity pages follow the base path', async () => {
    const { html } = await render('Quemoy. {#p1}\n', {
      remark: [remarkParagraphIds, [remarkEntityMentions, { entities, entityUrl: (id: string) => `/reader/entities/${id}/` }]],
    });
    expect(html).toContain('href="/reader/entities/kinmen/"');
  });
});
