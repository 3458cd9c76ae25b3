import type { PhrasingContent } from 'mdast';
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { PluggableList } from 'unified';
import { describe, expect, test } from 'vitest';
import { readRegistryAndBibliography } from '../../src/content/bibliography.ts';
import { contentDir, documentsDir } from '../../src/content/content-files.ts';
import { encodeTerm, plainRuns, textDirective } from '../../src/lib/text-fragment.ts';
import { paragraphDirectives } from '../helpers/directives.ts';
import { rehypePlugins, remarkPlugins } from '../../src/plugins/index.ts';
import { render } from '../helpers/render.ts';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const noteRef: PhrasingContent = { type: 'footnoteReference', identifier: 'n', label: 'n' };

describe('text fragments', () => {
  test('terms escape what the directive reserves: - , &', () => {
    expect(encodeTerm('Mao Tse-Tung, said & so')).toBe('Mao%20Tse%2DTung%2C%20said%20%26%20so');
  });

  test('runs stop at a note reference, a link or emphasis, and skip insertions', () => {
    const runs = plainRuns([
      text('The Chinese People’s Republic [CPR] does not\nneed'),
      noteRef,
      text(' an army. (i.e. the CC CPSU-S.A.) Later words'),
      { type: 'emphasis', children: [text('stressed')] },
      text(' end.'),
    ]);
    expect(runs).toEqual(['The Chinese People’s Republic', 'does not need', 'an army.', 'Later words', 'end.']);
  });

  test('start and end words from the first and last runs long enough to be found', () => {
    expect(textDirective(['One two three four five six seven', 'x', 'eight nine ten eleven twelve thirteen'])).toBe(
      'text=One%20two%20three%20four%20five,nine%20ten%20eleven%20twelve%20thirteen',
    );
  });

  test('a short paragraph is found by all its words; one with no usable run gets none', () => {
    expect(textDirective(['“21 October 1959”'])).toBe('text=%E2%80%9C21%20October%201959%E2%80%9D');
    expect(textDirective(['(Source: SCCD', 'Fond'])).toBeUndefined();
  });

  test('every numbered paragraph of a document, in order, headings left out', async () => {
    const body = '## Part {#part}\n\nFirst paragraph of the text here.[^n] {#p1}\n\n[^n]: A note.\n\nSecond [CPR] x. {#p2}\n';
    expect(await paragraphDirectives(body)).toEqual([
      { id: 'p1', directive: 'text=First%20paragraph%20of%20the%20text%20here.' },
      { id: 'p2', directive: undefined },
    ]);
  });

  test('the site’s own render records the same directives, so citations need no second parse', async () => {
    const markdown = readFileSync(`${documentsDir}/antonov-mao-1959-10-14.md`, 'utf8');
    const { entities, works } = readRegistryAndBibliography(contentDir);
    const { content } = parseFrontmatter(markdown);
    const frontmatter: Record<string, unknown> = {};
    await render(content, {
      frontmatter,
      remark: remarkPlugins({ lock: {}, lockPath: 'content/anchors.lock.json', entities, bibliography: works, base: '/' }) as PluggableList,
      rehype: rehypePlugins() as PluggableList,
      rawHtml: true,
    });
    const recorded = frontmatter['paragraphDirectives'];
    expect(Array.isArray(recorded) && recorded.length).toBeGreaterThan(30);
    expect(recorded).toEqual(await paragraphDirectives(content));
  });
});
