import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { treeDirectives } from '../lib/text-fragment.ts';

/**
 * Records every numbered paragraph's text directive (src/lib/text-fragment.ts) while the site
 * renders the document (run right after
 * remark-paragraph-ids, before any plugin changes the text) into the frontmatter Astro hands to
 * the pages as `remarkPluginFrontmatter.paragraphDirectives`: the citations need them, and
 * parsing every document a second time for them cost as much as a sixth of the build.
 */
export default function remarkRecordDirectives() {
  return (tree: Root, file: VFile) => {
    const astro = file.data.astro;
    if (astro?.frontmatter) astro.frontmatter['paragraphDirectives'] = treeDirectives(tree);
  };
}
