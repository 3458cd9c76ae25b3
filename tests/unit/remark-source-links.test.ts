import { fileURLToPath } from 'node:url';
import type { PluggableList } from 'unified';
import { describe, expect, test } from 'vitest';
import remarkParagraphIds from '../../src/plugins/remark-paragraph-ids.ts';
import remarkSourceLinks, { type SourceRef } from '../../src/plugins/remark-source-links.ts';
import { describeFixtures, render } from '../helpers/render.ts';

const works: SourceRef[] = [
  { id: 'frus-1958-60v19-d30', kind: 'primary', url: 'https://history.state.gov/historicaldocuments/frus1958-60v19/d30' },
  { id: 'chen-2001-maos', kind: 'scholarly', url: 'https://uncpress.org/book/9780807849323/maos-china-and-the-cold-war/' },
  { id: 'britannica-kinmen', kind: 'reference', url: 'https://www.britannica.com/place/Kinmen' },
  { id: 'antonov-mao-1959-10-14', kind: 'primary', document: 'antonov-mao-1959-10-14' },
];

const pipeline = (base = '/'): PluggableList => [
  remarkParagraphIds,
  [remarkSourceLinks, { works, documentUrl: (slug: string) => `${base}documents/${slug}/` }],
];

describe('remark-source-links', () => {
  describeFixtures(
    fileURLToPath(new URL('fixtures/remark-source-links', import.meta.url)),
    (fixture) => ({ remark: pipeline(typeof fixture.pluginOptions?.['base'] === 'string' ? fixture.pluginOptions['base'] : '/') }),
    { test, expect },
  );

  test('every problem of a document is reported at once, each at its line', async () => {
    const markdown = [
      'Mao spoke.[^one] Then Quemoy.[^two] {#p1}',
      '',
      '[^one]: Chairman. Sources: [Wikipedia](https://en.wikipedia.org/wiki/Mao_Zedong).',
      '[^two]: Islands. Sources: [FRUS](source:frus-1958-60v19-d3).',
      '',
    ].join('\n');
    const failure = await render(markdown, { remark: pipeline(), path: 'content/documents/x.md' }).then(
      () => undefined,
      (error: unknown) => error as Error & { file?: string },
    );
    expect(failure, 'the document must fail').toBeInstanceOf(Error);
    const lines = failure?.message.split('\n') ?? [];
    // The first problem is the failure's own place; the others follow, each with file, line and column.
    expect(lines[0]).toMatch(/^A plain link to https:\/\/en\.wikipedia\.org\/wiki\/Mao_Zedong in note \[\^one\]/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}content\/documents\/x\.md:3:1 {2}Note \[\^one\] cites no primary source or scholarship\./),
      expect.stringMatching(/^ {2}content\/documents\/x\.md:4:27 {2}Unknown source "frus-1958-60v19-d3"/),
    ]);
  });

  test('records the works the notes cite, once each, for the count of sources', async () => {
    const markdown = [
      'Mao spoke.[^one] Then Quemoy.[^two] {#p1}',
      '',
      '[^one]: [FRUS](source:frus-1958-60v19-d30); [Chen](source:chen-2001-maos).',
      '[^two]: [FRUS again](source:frus-1958-60v19-d30); [Britannica](source:britannica-kinmen).',
      '',
    ].join('\n');
    const { file } = await render(markdown, { remark: pipeline(), frontmatter: { slug: 'x' } });
    expect(file.data.citedSources).toEqual(['frus-1958-60v19-d30', 'chen-2001-maos', 'britannica-kinmen']);
    expect(file.data.astro?.frontmatter?.['citedSources']).toEqual(['frus-1958-60v19-d30', 'chen-2001-maos', 'britannica-kinmen']);
  });

  test('with no bibliography every source link is unknown', async () => {
    const failure = await render('Mao.[^a] {#p1}\n\n[^a]: [FRUS](source:frus-1958-60v19-d30).\n', { remark: [remarkParagraphIds, remarkSourceLinks] }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toContain('Unknown source "frus-1958-60v19-d30"');
  });
});
