import { extractFrontmatter } from '@astrojs/markdown-remark';

/**
 * The Markdown as Astro's `renderMarkdown` should get it so that the lines the plugins report
 * are the lines of the file. Astro drops the frontmatter block before rendering, and with it
 * the block's line breaks, so an error in the body would name a line ~40 lines too early.
 * Here the frontmatter is kept on one line, as JSON (which YAML reads), and followed by as many
 * line breaks as the original block held: the body then starts on its own line number.
 */
export function linePreservingSource(markdown: string, frontmatter: Record<string, unknown>): string {
  const block = extractFrontmatter(markdown);
  if (block === undefined) return markdown;
  const whole = `---${block}---`;
  const start = markdown.indexOf(whole);
  const lineBreaks = block.split('\n').length - 1;
  const before = markdown.slice(0, start);
  const after = markdown.slice(start + whole.length);
  return `${before}---\n${JSON.stringify(frontmatter)}\n---${'\n'.repeat(lineBreaks)}${after}`;
}
