/** How insertions into a transcribed text are written: read by the pipeline and by the text-fragment links. */

/**
 * Square brackets, `[…]`, are the translator's; `[… --ed.]` the editor's; a parenthesis signed
 * with initials, `(i.e. … -S.A.)`, is a clarification by the record's own author and is part of
 * the original. Links and footnote references are not text nodes after remark-gfm, so their
 * brackets never match.
 */
export const INSERTION = /\[([^[\]]+?)\]|\(([^()]+?-(?:[A-Z]\.){1,3})\)/g;
