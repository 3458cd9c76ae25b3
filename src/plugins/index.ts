/**
 * The Markdown pipeline in one place, in the order the plugins run: the lists Astro's
 * configuration takes (remarkPlugins, rehypePlugins), and `createProcessor`, the same pipeline as
 * one unified processor for what reads documents outside Astro (the anchors, the notes' sources,
 * the plugins' fixtures), so that nothing assembles a pipeline of its own. The plugins report
 * problems and go on; the last step ends the run on them all (src/plugins/report-problems.ts).
 */
import { type RehypePlugins, type RemarkPlugins, unified as astroMarkdown } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { type PluggableList, type Processor, unified } from 'unified';
import type { AnchorLock } from '../lib/anchors.ts';
import remarkEntityMentions, { type EntityRef } from './remark-entity-mentions.ts';
import rehypeSafeHtml from './rehype-safe-html.ts';
import rehypeSidenotes from './rehype-sidenotes.ts';
import { rehypeReportProblems, remarkReportProblems } from './report-problems.ts';
import remarkAnchorLock from './remark-anchor-lock.ts';
import remarkControlCharacters from './remark-control-characters.ts';
import remarkFootnoteCheck from './remark-footnote-check.ts';
import remarkInsertions from './remark-insertions.ts';
import remarkParagraphIds from './remark-paragraph-ids.ts';
import remarkRecordDirectives from './remark-record-directives.ts';
import remarkSourceLinks, { type SourceRef } from './remark-source-links.ts';

export interface PipelineOptions {
  /** Published anchors; a document that lost one fails to build. */
  lock?: AnchorLock;
  /** Where the lock lives, for the build error's message. */
  lockPath?: string;
  /** The registry of names and places, whose mentions are linked. */
  entities?: readonly EntityRef[];
  /** The bibliography (content/bibliography.yaml), whose works the notes cite as `source:<id>`. */
  bibliography?: readonly SourceRef[];
  /** The site's base path, for links to entity and document pages. Default: `/`. */
  base?: string;
}

/** Run after remark-gfm (Astro adds it first). */
export function remarkPlugins(options: PipelineOptions = {}): RemarkPlugins {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  return [
    remarkControlCharacters,
    remarkFootnoteCheck,
    [remarkSourceLinks, { works: options.bibliography, documentUrl: (slug: string) => `${base}documents/${slug}/` }],
    remarkParagraphIds,
    remarkRecordDirectives,
    [remarkAnchorLock, { lock: options.lock, lockPath: options.lockPath }],
    remarkInsertions,
    [
      remarkEntityMentions,
      {
        entities: options.entities,
        entityUrl: (id: string) => `${base}entities/${id}/`,
      },
    ],
  ];
}

/** Footnote ids stay as their labels (`fn-quemoy`): they are anchors readers may cite. */
export const remarkRehypeOptions: RemarkRehypeOptions = { clobberPrefix: '' };

/** The edition's rehype plugins. rehype-safe-html comes first, so that the HTML it checks is the author's. */
const editionRehypePlugins = [rehypeSafeHtml, rehypeSidenotes];

/**
 * Run after remark-rehype, which Astro calls with `allowDangerousHtml`; Astro runs rehype-raw
 * after these. The last records the document's problems for the documents loader
 * (src/loaders/documents.ts), which reports them with every other problem of the content.
 */
export function rehypePlugins(): RehypePlugins {
  return [...editionRehypePlugins, [rehypeReportProblems, { mode: 'record' }]];
}

/**
 * The edition's Markdown processor for Astro (`markdown.processor` in astro.config.mjs), which
 * the documents loader's worker threads also build (src/content/render-worker.ts): one
 * definition, so that a document renders the same wherever it renders.
 */
export function markdownProcessor(options: PipelineOptions): ReturnType<typeof astroMarkdown> {
  return astroMarkdown({
    // SmartyPants would rewrite the source's "--" and quotes: the transcription stays as it is.
    smartypants: false,
    remarkPlugins: remarkPlugins(options),
    remarkRehype: remarkRehypeOptions,
    rehypePlugins: rehypePlugins(),
  });
}

export interface ProcessorOptions extends PipelineOptions {
  /** Remark plugins in place of the edition's (a fixture's, one reader's), after remark-gfm. */
  remark?: PluggableList;
  /** Rehype plugins in place of the edition's, after remark-rehype. */
  rehype?: PluggableList;
  /** Go on from the Markdown tree to HTML. Default: `true`; `false` for readers of the tree. */
  html?: boolean;
  /**
   * Keep raw HTML written in the Markdown, as Astro does (remark-rehype's `allowDangerousHtml`,
   * then rehype-raw after the rehype plugins). Default: `true`.
   */
  rawHtml?: boolean;
}

/**
 * The pipeline as Astro runs it (Markdown parsed, remark-gfm, the remark plugins, remark-rehype,
 * the rehype plugins, raw HTML, HTML written out; no SmartyPants), or its Markdown half. Either
 * ends by failing the file once on every problem the plugins reported, the first at its place.
 */
export function createProcessor(options: ProcessorOptions & { html: false }): Processor<MdastRoot, MdastRoot, MdastRoot>;
export function createProcessor(options?: ProcessorOptions): Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>;
export function createProcessor(
  options: ProcessorOptions = {},
): Processor<MdastRoot, MdastRoot, MdastRoot> | Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string> {
  const markdown = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use((options.remark ?? remarkPlugins(options)) as PluggableList) as unknown as Processor<MdastRoot, MdastRoot, MdastRoot>;
  if (options.html === false) return markdown.use(remarkReportProblems) as unknown as Processor<MdastRoot, MdastRoot, MdastRoot>;
  const raw = options.rawHtml !== false;
  return (
    markdown
      .use(remarkRehype, { ...remarkRehypeOptions, allowDangerousHtml: raw })
      // The edition's lists hold plugins only (Astro's types also allow names of packages).
      .use((options.rehype ?? editionRehypePlugins) as PluggableList)
      .use(raw ? [rehypeRaw] : [])
      .use(rehypeReportProblems)
      .use(rehypeStringify) as unknown as Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>
  );
}
