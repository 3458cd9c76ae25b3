import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { type ParagraphDirective, treeDirectives } from '../../src/lib/text-fragment.ts';
import { createProcessor } from '../../src/plugins/index.ts';
import remarkParagraphIds from '../../src/plugins/remark-paragraph-ids.ts';

/** Every numbered paragraph of a document body with its text directive, as the build records them. */
export async function paragraphDirectives(markdownBody: string, path = 'document.md'): Promise<ParagraphDirective[]> {
  const processor = createProcessor({ remark: [remarkParagraphIds], html: false });
  const file = new VFile({ path, value: markdownBody });
  return treeDirectives((await processor.run(processor.parse(file), file)) as Root);
}
