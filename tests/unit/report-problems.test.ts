import type { PluggableList } from 'unified';
import { describe, expect, test } from 'vitest';
import { rehypePlugins, remarkPlugins } from '../../src/plugins/index.ts';
import { render } from '../helpers/render.ts';

const works = [{ id: 'a-record', kind: 'primary' as const, document: 'a-record' }];
const remark = remarkPlugins({ entities: [{ id: 'mao-zedong', spellings: ['Mao'] }], bibliography: works }) as PluggableList;

// Four problems for four plugins: a NUL, a note nobody refers to, a paragraph without its id, an unknown source.
const markdown = [
  'Mao spoke.[^one] {#p1}',
  '',
  '[^one]: A note. Source: [FRUS](source:frus-d30).',
  '',
  'The Chair\u0000man answered.',
  '',
  '[^two]: Nobody refers to this note. Source: [this record](source:a-record).',
  '',
].join('\n');

describe('every problem of a document at once', () => {
  test('the plugins report and go on; the document fails once, at the first problem, naming every other with its place', async () => {
    const failure = await render(markdown, { remark, path: 'content/documents/x.md' }).then(
      () => undefined,
      (error: unknown) => error as Error & { line?: number; column?: number },
    );
    expect(failure, 'the document must fail').toBeInstanceOf(Error);
    const [first, ...others] = failure?.message.split('\n') ?? [];
    expect(first).toMatch(/^An invisible control character, U\+0000 \(NUL\), is here/);
    expect([failure?.line, failure?.column]).toEqual([5, 10]);
    expect(others).toEqual([
      expect.stringMatching(/^ {2}content\/documents\/x\.md:7:1 {2}Footnote \[\^two\] is defined but never referenced/),
      expect.stringMatching(/^ {2}content\/documents\/x\.md:3:25 {2}Unknown source "frus-d30"/),
      expect.stringMatching(/^ {2}content\/documents\/x\.md:5:1 {2}Paragraph has no permanent id\./),
    ]);
  });

  test('in the build, Astro’s list of rehype plugins records the problems in the frontmatter, for the documents loader', async () => {
    const frontmatter: Record<string, unknown> = {};
    // Outside Astro the processor still ends by failing; the record is made before.
    await render(markdown, { remark, rehype: rehypePlugins() as PluggableList, frontmatter, path: 'content/documents/x.md' }).catch(() => undefined);
    const problems = frontmatter['problems'] as { line: number; column: number; reason: string }[];
    expect(problems.map(({ line, column }) => `${line}:${column}`).sort()).toEqual(['3:25', '5:1', '5:10', '7:1']);
    expect(problems.every(({ reason }) => reason.length > 20)).toBe(true);
  });

  test('a document without problems records none', async () => {
    const frontmatter: Record<string, unknown> = {};
    await render('Mao spoke.[^one] {#p1}\n\n[^one]: Source: [this record](source:a-record).\n', {
      remark,
      rehype: rehypePlugins() as PluggableList,
      frontmatter,
    });
    expect(frontmatter).not.toHaveProperty('problems');
  });
});
