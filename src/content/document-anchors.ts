import { parseFrontmatter } from '@astrojs/markdown-remark';
import { VFile } from 'vfile';
import type { Anchor } from '../lib/anchors.ts';
import { createProcessor } from '../plugins/index.ts';
import remarkParagraphIds from '../plugins/remark-paragraph-ids.ts';

export interface DocumentAnchors {
  slug: string;
  anchors: Anchor[];
}

/**
 * The permanent anchors of one Markdown document and its slug, read the way the build reads
 * them, for the lock script and the tests.
 */
export async function documentAnchors(markdown: string, path: string): Promise<DocumentAnchors> {
  const { frontmatter, content } = parseFrontmatter(markdown, { frontmatter: 'empty-with-lines' });
  const slug = frontmatter['slug'];
  if (typeof slug !== 'string') throw new Error(`${path}: the frontmatter has no slug.`);
  // Only the ids are needed: the pipeline's Markdown half, with the plugin that reads them.
  const processor = createProcessor({ remark: [remarkParagraphIds], html: false });
  const file = new VFile({ path, value: content });
  await processor.run(processor.parse(file), file);
  return { slug, anchors: file.data.anchors ?? [] };
}
