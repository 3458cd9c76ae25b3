/**
 * The worker threads that render and cite the documents during the build: a document comes back
 * as rendering it in this thread with the edition's processor gives it, with the citations
 * formatted in this thread; a document with problems comes back with them, at their lines; and a
 * worker that cannot start fails the build with the reason. That the built site is the edition
 * (rendered through these workers) is what the e2e tests check.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type AstroMarkdownOptions, parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, test } from 'vitest';
import { documentCitations } from '../../src/content/document-citations.ts';
import { linePreservingSource } from '../../src/content/line-preserving-source.ts';
import { pipelineInputs } from '../../src/content/pipeline-inputs.ts';
import { type Rendered, RenderWorkers } from '../../src/content/render-workers.ts';
import { markdownProcessor } from '../../src/plugins/index.ts';
import type { ParagraphDirective } from '../../src/lib/text-fragment.ts';
import { type DocumentData, documentSchema } from '../../src/schemas/document.ts';

const path = 'content/documents/antonov-mao-1959-10-14.md';
const markdown = readFileSync(path, 'utf8');
const { frontmatter } = parseFrontmatter(markdown);
const data = documentSchema.parse(frontmatter) as DocumentData;
// Astro's Markdown settings as the loader passes them (src/loaders/documents.ts), here the defaults.
const settings: AstroMarkdownOptions = {
  syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
  shikiConfig: { langs: [], theme: 'github-dark', themes: {}, wrap: false, transformers: [] },
};
const base = '/reader/';
const workers = new RenderWorkers({ folder: 'content', base, markdown: settings }, 2);
afterAll(() => workers.close());

const job = (source: string) => ({
  source: linePreservingSource(source, parseFrontmatter(source).frontmatter),
  fileUrl: pathToFileURL(path).href,
  data,
  site: 'https://edition.example',
  base,
});

describe('RenderWorkers', () => {
  test('render and cite a document as this thread does, on either worker', async () => {
    const renderer = await markdownProcessor(pipelineInputs('content', base).options).createRenderer(settings);
    const { content } = parseFrontmatter(job(markdown).source);
    const here = await renderer.render(content, { frontmatter: parseFrontmatter(job(markdown).source).frontmatter, fileURL: pathToFileURL(path) });
    const recorded = here.metadata.frontmatter as Record<string, unknown>;
    const citations = documentCitations(data, recorded['paragraphDirectives'] as ParagraphDirective[], 'https://edition.example', base);
    const [first, second] = await Promise.all([workers.render(job(markdown)), workers.render(job(markdown))]);
    expect(here.code).toContain('href="/reader/entities/mao-zedong/"');
    expect(citations.paragraphs.length).toBeGreaterThan(30);
    for (const rendered of [first, second]) expect(rendered).toEqual({ html: here.code, frontmatter: recorded, citations });
  });

  test('a document with problems comes back with each, at its line in the file', async () => {
    const body = markdown.indexOf('\n\n', markdown.indexOf('\n---', 3) + 4);
    const broken = `${markdown.slice(0, body)}\n\nA note to nowhere.[^no-such-note]${markdown.slice(body)}`;
    const rendered: Rendered = await workers.render(job(broken));
    const problems = 'problems' in rendered ? rendered.problems : [];
    expect(problems.map(({ reason }) => reason).join('\n')).toMatch(/no-such-note/);
    const line = problems.find(({ reason }) => reason.includes('no-such-note'))?.line ?? 0;
    expect(broken.split('\n')[line - 1]).toContain('[^no-such-note]');
  });

  test('a worker that cannot build the processor fails every document, with the reason', async () => {
    // A base path that is not text: the plugins' options cannot be made of it.
    const failing = new RenderWorkers({ folder: 'content', base: 42 as unknown as string, markdown: settings }, 1);
    try {
      await expect(failing.render(job(markdown))).rejects.toThrow(/replace is not a function/);
      await expect(failing.render(job(markdown))).rejects.toThrow(/replace is not a function/);
    } finally {
      await failing.close();
    }
  });
});
