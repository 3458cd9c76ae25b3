import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { type CitingDocument, citedIds, countCited, relatedRecordCitations, sourceCountLine } from '../content/bibliography.ts';
import { contentDir, documentsDir } from '../content/content-files.ts';
import { checkContent, ContentProblems, contentReport, type PlacedProblem } from '../content/content-problems.ts';
import { CitationWorkers } from '../content/citation-workers.ts';
import { linePreservingSource } from '../content/line-preserving-source.ts';
import { documentKey, pipelineInputs, sharedInputsDigest } from '../content/pipeline-inputs.ts';
import { type CachedRender, codeDigest, forgetRemovedFolders, RenderCache } from '../content/render-cache.ts';
import type { ParagraphDirective } from '../lib/text-fragment.ts';
import type { DocumentProblem } from '../plugins/report-problems.ts';
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
  const { store, parseData, renderMarkdown, config } = context;
  // As the author names it: relative to the project, unless EDITION_CONTENT gave a full path.
  const folder = isAbsolute(contentDir) ? contentDir : join(root, contentDir);
  const check = await checkContent(folder, schema);
  const problems = [...check.problems];
  const entries = [];
  const citing: CitingDocument[] = [];
  forgetRemovedFolders(root);
  const cache = new RenderCache(root, contentDir);
  const site = config.site;
  const { options } = pipelineInputs(folder, config.base);
  const shared = sharedInputsDigest(codeDigest(root), options, site);
  let rendered = 0;
  let workers: CitationWorkers | undefined;
  const writes = new Set<Promise<void>>();
  // Every document is rendered (or read back from an earlier build's identical render), so that
  // one build reports the problems of all of them.
  for (const { path, markdown, frontmatter, slug: id } of check.documents) {
    const data = await parseData({ id, data: frontmatter, filePath: path });
    const key = documentKey(shared, path, markdown, options.lock[id]);
    let recorded = cache.recorded(key);
    if (recorded === undefined) {
      let result: Awaited<ReturnType<typeof renderMarkdown>>;
      try {
        result = await renderMarkdown(linePreservingSource(markdown, frontmatter), { fileURL: pathToFileURL(resolve(root, path)) });
      } catch (error) {
        problems.push(describeFailure(path, error));
        continue;
      }
      // The plugins' problems, recorded by the pipeline's last step instead of failing the render.
      const found = result.metadata?.frontmatter?.['problems'] as DocumentProblem[] | undefined;
      if (found !== undefined) {
        problems.push(...found.map(({ line, column, reason }) => ({ path, line, column, message: reason })));
        continue;
      }
      const fresh = { html: result.html, frontmatter: recordedData(result.metadata?.frontmatter ?? {}, frontmatter) };
      recorded = fresh.frontmatter;
      // Its citations are formatted on another core while the next documents render; the entry
      // is written once they are in.
      workers ??= new CitationWorkers();
      const writing = workers
        .format({ data: data as DocumentData, directives: directivesOf(fresh, path), site, base: config.base })
        .then((citations) => cache.write(key, fresh, citations));
      writes.add(writing);
      writing.then(
        () => writes.delete(writing),
        () => undefined,
      );
      // A few documents ahead at most, so that the renders waiting for their citations stay few.
      if (writes.size >= 8) await Promise.race(writes);
      rendered++;
    }
    const cited = recorded['citedSources'];
    citing.push({
      slug: id,
      path,
      notes: Array.isArray(cited) ? cited.map(String) : [],
      related: relatedRecordCitations(markdown, path),
    });
    // Astro wants the path relative to the project, even for a collection kept elsewhere. Neither
    // the Markdown body nor the HTML is kept in the store: Astro holds every entry in memory and
    // writes them all as one JSON string, which for thousands of documents is the build's limit.
    // The pages read the render by its key, the entry's digest (src/data/site-data.ts).
    entries.push({ id, data, filePath: relative(resolve(root), resolve(root, path)), digest: key });
  }
  try {
    await Promise.all(writes);
  } finally {
    await workers?.close();
  }
  if (problems.length > 0) {
    context.logger.error(contentReport(problems));
    throw new ContentProblems(problems.length);
  }
  const cited = citedIds(check.citingEntities, citing);
  context.logger.info(sourceCountLine(countCited(check.works, cited)));
  const removed = cache.prune(new Set(entries.map((entry) => entry.digest)));
  context.logger.info(
    `${entries.length} documents: ${rendered} rendered, ${entries.length - rendered} unchanged since the last build${removed > 0 ? `; ${removed} files of earlier renders removed` : ''}.`,
  );
  store.clear();
  for (const entry of entries) store.set(entry);
}

/** What the plugins recorded, without the document's frontmatter that Astro copies in (the entry's data has it). */
function recordedData(recorded: Record<string, unknown>, own: Record<string, unknown>): CachedRender['frontmatter'] {
  return Object.fromEntries(Object.entries(recorded).filter(([name]) => !Object.hasOwn(own, name)));
}

/** The paragraphs and their text directives, as the render recorded them: what the citations are made from. */
function directivesOf(render: CachedRender, path: string): ParagraphDirective[] {
  const directives = render.frontmatter['paragraphDirectives'];
  if (!Array.isArray(directives)) throw new Error(`${path}: the render recorded no paragraphs (remarkRecordDirectives must run).`);
  return directives as ParagraphDirective[];
}

/** A render that failed all the same (a plugin's VFileMessage, or an error of its own), at its place. */
function describeFailure(path: string, error: unknown): PlacedProblem {
  if (!(error instanceof Error)) return { path, line: 1, column: 1, message: String(error) };
  const { line, column, reason } = error as Error & { line?: number; column?: number; reason?: string };
  return { path, line: line ?? 1, column: column ?? 1, message: reason ?? error.message };
}
