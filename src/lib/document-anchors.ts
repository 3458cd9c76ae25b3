import { parseFrontmatter } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkEntityMentions, { type EntityRef, type Mention } from '../plugins/remark-entity-mentions.ts';
import remarkInsertions from '../plugins/remark-insertions.ts';
import remarkParagraphIds from '../plugins/remark-paragraph-ids.ts';
import type { Anchor } from './anchors.ts';

export interface DocumentAnchors {
  slug: string;
  anchors: Anchor[];
}

export interface DocumentAnalysis extends DocumentAnchors {
  mentions: Mention[];
}

/** The anchors and the entity mentions of one Markdown document, found as the build finds them. */
export async function analyzeDocument(markdown: string, path: string, entities: readonly EntityRef[]): Promise<DocumentAnalysis> {
  const { frontmatter, content } = parseFrontmatter(markdown, { frontmatter: 'empty-with-lines' });
  const slug = frontmatter['slug'];
  if (typeof slug !== 'string') throw new Error(`${path}: the frontmatter has no slug.`);
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkParagraphIds)
    .use(remarkInsertions)
    .use(remarkEntityMentions, { entities });
  const file = new VFile({ path, value: content });
  await processor.run(processor.parse(file), file);
  return { slug, anchors: file.data.anchors ?? [], mentions: file.data.mentions ?? [] };
}

/**
 * The permanent anchors of one Markdown document and its slug, read the way the build reads
 * them, for the lock script and the tests.
 */
export async function documentAnchors(markdown: string, path: string): Promise<DocumentAnchors> {
  const { frontmatter, content } = parseFrontmatter(markdown, { frontmatter: 'empty-with-lines' });
  const slug = frontmatter['slug'];
  if (typeof slug !== 'string') throw new Error(`${path}: the frontmatter has no slug.`);
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkParagraphIds);
  const file = new VFile({ path, value: content });
  await processor.run(processor.parse(file), file);
  return { slug, anchors: file.data.anchors ?? [] };
}
