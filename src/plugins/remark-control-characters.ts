import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { controlCharacterMessage, findControlCharacters } from '../lib/control-characters.ts';

/**
 * Reports every invisible control character in the document's text (a NUL from a PDF, a form
 * feed from a word processor), at its line and column. The Markdown parser would turn a NUL into
 * a replacement mark and keep the others: either way the page would show a character nobody
 * wrote. Reads the text as given to the pipeline, so the places are the file's (the build keeps
 * the frontmatter's lines, src/content/line-preserving-source.ts).
 */
const remarkControlCharacters: Plugin<[], Root> = () => (_tree, file) => {
  for (const run of findControlCharacters(String(file.value))) {
    file.message(controlCharacterMessage(run), { line: run.line, column: run.column }, 'remark-control-characters:control');
  }
};

export default remarkControlCharacters;
