/**
 * The baselines the benchmarks set the edition against: the same collection as a default
 * Starlight site (with its Pagefind search) and as plain pages styled by Tufte CSS (no search).
 * Both live in bench/baselines, a separate package with its own dependencies
 * (`npm ci --prefix bench/baselines`); see bench/baselines/README.md.
 *
 * The harness calls these: `prepareStarlight` then `starlightBuildCommand`, `writeTufte`, the
 * first-search drivers and `readingPagePath`. The conversions are exported for the unit tests.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastRootContent } from 'hast';
import type { FootnoteReference, PhrasingContent, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import type { Page } from 'playwright-core';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { stringify as toYaml } from 'yaml';
import { formatDate } from '../src/lib/dates.ts';
import { type DocumentData, documentSchema } from '../src/schemas/document.ts';

/** bench/baselines: the baselines' own package, next to this project's. */
export const baselinesDir = fileURLToPath(new URL('../bench/baselines/', import.meta.url));
export const starlightDir = join(baselinesDir, 'starlight');
/** Where Starlight's pages are generated; the folder is cleared on every `prepareStarlight`. */
export const starlightDocsDir = join(starlightDir, 'src/content/docs');
/** Where `starlightBuildCommand` writes the built site. */
export const starlightDistDir = join(starlightDir, 'dist');
const tufteCssDir = join(baselinesDir, 'node_modules/tufte-css');

/** One document of a collection, as the baselines show it. */
export interface CollectionDocument {
  data: DocumentData;
  /** The Markdown after the frontmatter, in the edition's syntax. */
  body: string;
}

/** Reads `documents/*.md` of a collection folder, checking the frontmatter as the edition does. */
export function readCollection(collectionDir: string): CollectionDocument[] {
  const dir = join(collectionDir, 'documents');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const { frontmatter, content } = parseFrontmatter(readFileSync(join(dir, name), 'utf8'));
      return { data: documentSchema.parse(frontmatter), body: content };
    });
}

/** A trailing `{#id}` or `{#id .class …}` at the very end of a paragraph or heading (as remark-paragraph-ids reads it). */
const MARKER = /[ \t]*\{#[A-Za-z][\w-]*(?:[ \t]+\.[A-Za-z][\w-]*)*[ \t]*\}[ \t]*$/;

const parseGfm = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);

/**
 * The edition's Markdown as plain GFM: paragraph and heading markers removed, `entity:` links
 * replaced by their text. Everything else (footnotes, insertions in brackets, backslash line
 * breaks, emphasis) is left exactly as written: the edits are cut out of the source at the
 * positions the parser gives, so nothing is re-serialized or re-escaped.
 */
export function toPlainGfm(markdown: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  visit(parseGfm(markdown), (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'link' && node.url.startsWith('entity:')) {
      const first = node.children[0]?.position?.start.offset;
      const last = node.children.at(-1)?.position?.end.offset;
      edits.push({ start, end, text: first === undefined || last === undefined ? '' : markdown.slice(first, last) });
    } else if (node.type === 'paragraph' || node.type === 'heading') {
      const marker = MARKER.exec(markdown.slice(start, end));
      if (marker) edits.push({ start: end - marker[0].length, end, text: '' });
    }
  });
  let result = markdown;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

type Handler = NonNullable<NonNullable<RemarkRehypeOptions['handlers']>['footnoteReference']>;

/**
 * A footnote reference as a Tufte sidenote, in the markup Tufte CSS documents: a numbered
 * label, the checkbox that shows the note on narrow screens, and the note itself as a span.
 * The note's paragraphs become phrasing content (a span may hold no paragraphs), separated by
 * line breaks. Footnotes never pass through the default handler, so no footnote section is
 * written at the end.
 */
function sidenoteHandler(): Handler {
  const uses = new Map<string, number>();
  return (state, node: FootnoteReference) => {
    // mdast-util-to-hast keys definitions by their upper-cased identifier.
    const definition = state.footnoteById.get(node.identifier.toUpperCase());
    // remark-gfm makes a reference only where a definition exists; keep the text if not.
    if (definition === undefined) return { type: 'text', value: `[^${node.label ?? node.identifier}]` };
    const use = (uses.get(node.identifier) ?? 0) + 1;
    uses.set(node.identifier, use);
    // A note referred to twice gets a second checkbox: ids must be unique on the page.
    const id = `sn-${node.identifier}${use > 1 ? `-${use}` : ''}`;
    const content: ElementContent[] = [];
    for (const block of definition.children) {
      if (content.length > 0) content.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
      content.push(...(block.type === 'paragraph' ? state.all(block) : [{ type: 'text' as const, value: textOf(block) }]));
    }
    return [
      { type: 'element', tagName: 'label', properties: { htmlFor: [id], className: ['margin-toggle', 'sidenote-number'] }, children: [] },
      { type: 'element', tagName: 'input', properties: { type: 'checkbox', id, className: ['margin-toggle'] }, children: [] },
      { type: 'element', tagName: 'span', properties: { className: ['sidenote'] }, children: content },
    ];
  };
}

/** Wraps the article's content in a `<section>` per second-level heading, as Tufte CSS expects. */
function rehypeSections() {
  return (tree: HastRoot) => {
    const sections: Element[] = [];
    for (const child of tree.children) {
      const startsSection = child.type === 'element' && child.tagName === 'h2';
      const current = sections.at(-1);
      if (current === undefined || startsSection) {
        // Whitespace between blocks is not worth a section of its own.
        if (child.type === 'text' && child.value.trim() === '') continue;
        sections.push({ type: 'element', tagName: 'section', properties: {}, children: [child as ElementContent] });
      } else {
        current.children.push(child as ElementContent);
      }
    }
    tree.children = sections.flatMap((section): HastRootContent[] => [section, { type: 'text', value: '\n' }]);
  };
}

/**
 * The same conversion as `toPlainGfm`, on the tree: for the Tufte pages, which are HTML, so
 * that the Markdown is parsed once (the source edit and a second parse would make the
 * baseline's build look slower than it is).
 */
function remarkPlainSyntax() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'link' && node.url.startsWith('entity:') && parent !== undefined && index !== undefined) {
        // A link holds phrasing content only, and so does the paragraph or heading it stands in.
        (parent.children as PhrasingContent[]).splice(index, 1, ...node.children);
        return index;
      }
      if (node.type === 'paragraph' || node.type === 'heading') {
        const last = node.children.at(-1);
        if (last?.type === 'text') last.value = last.value.replace(MARKER, '');
      }
      return undefined;
    });
  };
}

/** The document's text as Tufte HTML: `<section>`s of paragraphs, footnotes as sidenotes. */
export function toTufteHtml(markdown: string): string {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkPlainSyntax)
    .use(remarkRehype, { handlers: { footnoteReference: sidenoteHandler() } })
    .use(rehypeSections)
    .use(rehypeStringify)
    .processSync(markdown)
    .toString();
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');

/** The header facts both baselines print above the text, as plain phrases. */
export function metadataLines(data: DocumentData): string[] {
  const { archive } = data;
  const person = (p: { name: string; role?: string | undefined }) => (p.role ? `${p.name}, ${p.role}` : p.name);
  return [
    `${data.documentType}. Conversation of ${formatDate(data.conversationDate)}; record of ${formatDate(data.recordDate)}.`,
    `Author: ${person(data.author)}.`,
    `Participants: ${data.participants.map(person).join('; ')}.`,
    `Archive: ${archive.repository}${archive.place ? `, ${archive.place}` : ''}, fond ${archive.fond}, opis ${archive.opis}, delo ${archive.delo}, listy ${archive.listy}.`,
  ];
}

/** A document as a Starlight page: its title in the frontmatter, the header facts, then the text. */
export function starlightPage({ data, body }: CollectionDocument): string {
  const frontmatter = toYaml({ title: data.title, description: `${data.documentType}, ${formatDate(data.conversationDate)}` });
  const header = metadataLines(data).map(escapeMarkdown).join('\\\n');
  return `---\n${frontmatter}---\n\n${header}\n\n${toPlainGfm(body).trim()}\n`;
}

/** Starlight's home page: the list of documents. */
export function starlightIndex(documents: readonly CollectionDocument[]): string {
  const items = documents.map(({ data }) => `- [${escapeMarkdown(data.title)}](/${data.slug}/) (${formatDate(data.conversationDate)})`);
  return `---\ntitle: Documents\n---\n\n${items.join('\n')}\n`;
}

/** Regenerates Starlight's pages from a collection, one per document at `/<slug>/`, and the home page. */
export function prepareStarlight(collectionDir: string): void {
  const documents = readCollection(collectionDir);
  rmSync(starlightDocsDir, { recursive: true, force: true });
  mkdirSync(starlightDocsDir, { recursive: true });
  writeFileSync(join(starlightDocsDir, 'index.md'), starlightIndex(documents));
  for (const document of documents) writeFileSync(join(starlightDocsDir, `${document.data.slug}.md`), starlightPage(document));
}

/**
 * How to build the Starlight baseline (Pagefind runs as part of it); the site lands in
 * `starlightDistDir`. Run on the Node that runs the harness (Astro 7 needs Node 22 or later),
 * with `env` added to the environment: telemetry would try the network on every build.
 */
export const starlightBuildCommand: { command: string; args: string[]; cwd: string; env: Record<string, string> } = {
  command: process.execPath,
  args: ['../node_modules/astro/bin/astro.mjs', 'build'],
  cwd: starlightDir,
  env: { ASTRO_TELEMETRY_DISABLED: '1' },
};

/** A document as a page styled by Tufte CSS, at `<slug>/index.html`. */
export function tuftePage({ data, body }: CollectionDocument): string {
  const header = metadataLines(data).map(escapeHtml).join('<br>\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<link rel="stylesheet" href="../tufte.css">
</head>
<body>
<article>
<h1>${escapeHtml(data.title)}</h1>
<p class="subtitle">${escapeHtml(formatDate(data.conversationDate))}</p>
<section>
<p><a href="../">All documents</a></p>
<p>${header}</p>
</section>
${toTufteHtml(body)}</article>
</body>
</html>
`;
}

/** The Tufte baseline's home page: the list of documents. */
export function tufteIndex(documents: readonly CollectionDocument[]): string {
  const items = documents.map(
    ({ data }) => `<li><a href="${data.slug}/">${escapeHtml(data.title)}</a> (${escapeHtml(formatDate(data.conversationDate))})</li>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Documents</title>
<link rel="stylesheet" href="tufte.css">
</head>
<body>
<article>
<h1>Documents</h1>
<section>
<ul>
${items.join('\n')}
</ul>
</section>
</article>
</body>
</html>
`;
}

/**
 * Writes the Tufte baseline into `outDir`: tufte.css and its et-book fonts as the package ships
 * them, the home page, and `<slug>/index.html` per document. It has no search: Tufte CSS is a
 * stylesheet only.
 */
export function writeTufte(collectionDir: string, outDir: string): void {
  if (!existsSync(join(tufteCssDir, 'tufte.css'))) {
    throw new Error('tufte-css is not installed: run `npm ci --prefix bench/baselines` first.');
  }
  const documents = readCollection(collectionDir);
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(tufteCssDir, 'tufte.css'), join(outDir, 'tufte.css'));
  cpSync(join(tufteCssDir, 'et-book'), join(outDir, 'et-book'), { recursive: true });
  writeFileSync(join(outDir, 'index.html'), tufteIndex(documents));
  for (const document of documents) {
    mkdirSync(join(outDir, document.data.slug), { recursive: true });
    writeFileSync(join(outDir, readingPagePath.tufte(document.data.slug)), tuftePage(document));
  }
}

/** Where a document's reading page is, relative to each site's output folder. */
export const readingPagePath = {
  starlight: (slug: string): string => `${slug}/index.html`,
  tufte: (slug: string): string => `${slug}/index.html`,
  edition: (slug: string): string => `documents/${slug}/index.html`,
} as const;

/**
 * A first search as a reader makes it, on a page that has loaded and settled: `open` loads the
 * page, `search` is the reader's first action on the search box and the query typed, and the
 * search has shown its first result when `result` (a CSS selector) first matches.
 */
export interface FirstSearch {
  open: (page: Page, siteUrl: string) => Promise<void>;
  search: (page: Page, query: string) => Promise<void>;
  result: string;
}

/**
 * Starlight: its home page, then a click on the search button and the query typed into its
 * dialog (its Pagefind UI searches 300 ms after the last key).
 */
export const starlightFirstSearch: FirstSearch = {
  open: async (page, siteUrl) => {
    await page.goto(siteUrl, { waitUntil: 'networkidle' });
  },
  search: async (page, query) => {
    // The button stays disabled until the search element has started; the click waits for that.
    await page.locator('site-search button[data-open-modal]').click();
    // Pagefind's UI creates the field when the browser is idle; typing waits for it.
    await page.locator('#starlight__search input').pressSequentially(query);
  },
  result: '#starlight__search .pagefind-ui__result-link',
};

/** The edition: its home page, then the query typed into the search box of the page's header; results show in place. */
export const editionFirstSearch: FirstSearch = {
  open: async (page, siteUrl) => {
    await page.goto(siteUrl, { waitUntil: 'networkidle' });
  },
  search: async (page, query) => {
    await page.locator('#site-search').click();
    await page.locator('#site-search').pressSequentially(query);
  },
  result: '#site-search-panel .search-results a',
};
