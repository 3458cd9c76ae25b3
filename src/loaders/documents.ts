import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { type CitingDocument, citedIds, countCited, relatedRecordCitations, sourceCountLine } from '../content/bibliography.ts';
import { contentDir, documentsDir } from '../content/content-files.ts';
import { checkContent, ContentProblems, contentReport, type PlacedProblem } from '../content/content-problems.ts';
import { linePreservingSource } from '../content/line-preserving-source.ts';
import { documentKey, pipelineInputs, sharedInputsDigest } from '../content/pipeline-inputs.ts';
import { type CachedRender, codeDigest, forgetRemovedFolders, RenderCache } from '../content/render-cache.ts';
import { RenderWorkers } from '../content/render-workers.ts';
import type { DocumentData } from '../schemas/document.ts';

/**
 * Loads the documents of content/documents, one entry per Markdown file, identified by the
 * slug pinned in its frontmatter. Unlike Astro's glob loader it stops the build on any problem
 * (the glob loader only logs a failed render and publishes an empty page), and it renders each
 * file so that build errors name the file's own lines.
 *
 * It is where the build reports the problems of the whole content folder: the registry, the
 * bibliography, the correction logs and the frontmatter (src/content/content-problems.ts) and
 * what rendering every document finds (src/plugins/report-problems.ts), all at once, each at its
 * file, line and column; then it fails, once. The other collections' loaders load what is valid
 * and leave their problems to this report.
 */
export function documentsLoader(schema: z.ZodType, root = '.'): Loader {
  return {
    name: 'documents',
    load: async (context) => {
      await loadAll(context, schema, root);
      // In `astro dev`, an edit reloads the collection; an error is shown, not fatal.
      const dir = resolve(root, documentsDir);
      context.watcher?.on('change', (changed) => {
        if (!changed.startsWith(dir) || !changed.endsWith('.md')) return;
        loadAll(context, schema, root).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      });
    },
  };
}

async function loadAll(context: LoaderContext, schema: z.ZodType, root: string): Promise<void> {
  const { store, parseData, config } = context;
  // As the author names it: relative to the project, unless EDITION_CONTENT gave a full path.
  const folder = isAbsolute(contentDir) ? contentDir : join(root, contentDir);
  forgetRemovedFolders(root);
  const cache = new RenderCache(root, contentDir);
  const setup = { folder, base: config.base, markdown: markdownSettings(config) };
  // With no render to read back (a cold build), every document is rendered: the workers start
  // now, and load their code while this thread checks the content.
  const dir = resolve(root, documentsDir);
  // (A missing folder is reported with the content's other problems.)
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')).length : 0;
  let workers = cache.isEmpty() && files > 0 ? new RenderWorkers(setup, workersFor(files)) : undefined;
  try {
    await loadDocuments();
  } finally {
    await workers?.close();
  }

  async function loadDocuments(): Promise<void> {
    const check = await checkContent(folder, schema);
    const problems = [...check.problems];
    const site = config.site;
    const { options } = pipelineInputs(folder, config.base);
    const shared = sharedInputsDigest(codeDigest(root), options, site);
    const keys = check.documents.map(({ path, markdown, slug }) => documentKey(shared, path, markdown, options.lock[slug]));
    // Workers for the documents to render (workersFor), once the first of them is met.
    const toRender = keys.filter((key) => !cache.has(key)).length;
    let rendered = 0;
    // Each document's entry and what it cites, in the folder's order, once its render is in.
    // (Problems are kept with their document, so that the report lists them in the folder's
    // order, whichever worker finished first.)
    const loaded: Promise<{ entry: DocumentEntry; citing: CitingDocument } | { problems: PlacedProblem[] }>[] = [];
    const pending = new Set<Promise<unknown>>();
    // Every document is rendered (or read back from an earlier build's identical render), so that
    // one build reports the problems of all of them.
    for (const [index, { path, markdown, frontmatter, slug: id }] of check.documents.entries()) {
      const data = await parseData({ id, data: frontmatter, filePath: path });
      const key = keys[index] as string;
      const entryOf = (recorded: CachedRender['frontmatter']) => {
        const cited = recorded['citedSources'];
        return {
          // Astro wants the path relative to the project, even for a collection kept elsewhere.
          // Neither the Markdown body nor the HTML is kept in the store: Astro holds every entry in
          // memory and writes them all as one JSON string, which for thousands of documents is the
          // build's limit. The pages read the render by its key, the entry's digest
          // (src/data/site-data.ts).
          entry: { id, data, filePath: relative(resolve(root), resolve(root, path)), digest: key },
          citing: { slug: id, path, notes: Array.isArray(cited) ? cited.map(String) : [], related: relatedRecordCitations(markdown, path) },
        };
      };
      const recorded = cache.recorded(key);
      if (recorded !== undefined) {
        loaded.push(Promise.resolve(entryOf(recorded)));
        continue;
      }
      // Rendered and cited on the worker threads while the next documents are handed out.
      workers ??= new RenderWorkers(setup, workersFor(toRender));
      const job = {
        source: linePreservingSource(markdown, frontmatter),
        fileUrl: pathToFileURL(resolve(root, path)).href,
        data: data as DocumentData,
        site,
        base: config.base,
      };
      const rendering = workers.render(job).then(async (result) => {
        if ('failure' in result) {
          return { problems: [{ path, line: result.failure.line ?? 1, column: result.failure.column ?? 1, message: result.failure.message }] };
        }
        if ('problems' in result) {
          return { problems: result.problems.map(({ line, column, reason }) => ({ path, line, column, message: reason })) };
        }
        const fresh = { html: result.html, frontmatter: recordedData(result.frontmatter, frontmatter) };
        await cache.write(key, fresh, result.citations);
        rendered++;
        return entryOf(fresh.frontmatter);
      });
      loaded.push(rendering);
      pending.add(rendering);
      rendering.then(
        () => pending.delete(rendering),
        () => undefined,
      );
      // A few documents per worker in flight: enough to keep each busy, few enough that the
      // renders waiting to be written stay few.
      if (pending.size >= 2 * workers.size) await Promise.race(pending);
    }
    const results = await Promise.all(loaded);
    const documents = results.flatMap((result) => ('problems' in result ? [] : [result]));
    problems.push(...results.flatMap((result) => ('problems' in result ? result.problems : [])));
    if (problems.length > 0) {
      context.logger.error(contentReport(problems));
      throw new ContentProblems(problems.length);
    }
    const entries = documents.map((document) => document.entry);
    const cited = citedIds(
      check.citingEntities,
      documents.map((document) => document.citing),
    );
    context.logger.info(sourceCountLine(countCited(check.works, cited)));
    const removed = cache.prune(new Set(entries.map((entry) => entry.digest)));
    context.logger.info(
      `${entries.length} documents: ${rendered} rendered, ${entries.length - rendered} unchanged since the last build${removed > 0 ? `; ${removed} files of earlier renders removed` : ''}.`,
    );
    store.clear();
    for (const entry of entries) store.set(entry);
  }
}

/**
 * How many workers render `count` documents: one per 50 documents, up to one per core. A
 * worker's start (its code, the processor, the CSL engines: about 3 s of a core) costs about as
 * much as rendering 25 documents, so a small collection renders fastest on one.
 */
function workersFor(count: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(count / 50)));
}

interface DocumentEntry {
  id: string;
  data: Record<string, unknown>;
  filePath: string;
  digest: string;
}

/** What Astro's content layer gives its Markdown processor besides the processor itself. */
function markdownSettings(config: LoaderContext['config']): AstroMarkdownOptions {
  const { markdown, image } = config;
  // The values Astro's content layer passes; its config's types are only looser than the
  // processor's under this project's exactOptionalPropertyTypes.
  return {
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  } as AstroMarkdownOptions;
}

/** What the plugins recorded, without the document's frontmatter that Astro copies in (the entry's data has it). */
function recordedData(recorded: Record<string, unknown>, own: Record<string, unknown>): CachedRender['frontmatter'] {
  return Object.fromEntries(Object.entries(recorded).filter(([name]) => !Object.hasOwn(own, name)));
}
