/**
 * The worker threads that format citations during the build give what formatting them in this
 * thread gives, for the memorandum; and a failure in a worker reaches the build as an error.
 */
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, test } from 'vitest';
import { CitationWorkers } from '../../src/content/citation-workers.ts';
import { documentCitations } from '../../src/content/document-citations.ts';
import { type DocumentData, documentSchema } from '../../src/schemas/document.ts';
import { paragraphDirectives } from '../helpers/directives.ts';

const markdown = readFileSync('content/documents/antonov-mao-1959-10-14.md', 'utf8');
const { frontmatter, content } = parseFrontmatter(markdown);
const data = documentSchema.parse(frontmatter) as DocumentData;
const workers = new CitationWorkers(2);
afterAll(() => workers.close());

describe('CitationWorkers', () => {
  test("format a document's citations in a worker exactly as in this thread, for either worker", async () => {
    const directives = await paragraphDirectives(content);
    const job = { data, directives, site: 'https://edition.example', base: '/reader/' };
    const here = documentCitations(job.data, job.directives, job.site, job.base);
    const [first, second] = await Promise.all([workers.format(job), workers.format(job)]);
    expect(here.paragraphs.length).toBeGreaterThan(30);
    expect(first).toEqual(here);
    expect(second).toEqual(here);
  });

  test('a document whose citations cannot be made is an error, with the reason', async () => {
    const broken = { ...data, author: undefined } as unknown as DocumentData;
    await expect(workers.format({ data: broken, directives: [], site: undefined, base: '/' })).rejects.toThrow(/author|name|undefined/i);
  });
});
