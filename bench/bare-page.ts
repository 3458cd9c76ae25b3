/**
 * The yardstick for the reading page: the same Markdown, notes included, as a bare Astro page
 * renders it (remark-gfm footnotes at the end; no paragraph numbers, margin notes, header or
 * CSS), in a minimal page. The benchmark weighs it; the Lighthouse script measures it beside
 * the reading page, on the same machine at the same moment.
 */
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

export async function bareAstroPage(markdownPath: string): Promise<string> {
  const { frontmatter, content } = parseFrontmatter(readFileSync(markdownPath, 'utf8'));
  // The edition's paragraph ids ({#p12}) are its own syntax: a bare page has none.
  const body = String(
    await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(content.replace(/ ?\{#[^}]+\}/g, '')),
  );
  const title = String(frontmatter['title']);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><meta name="description" content="${title}"></head><body><main>${body}</main></body></html>`;
}
