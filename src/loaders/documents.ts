import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { type CitingDocument, citedIds, collectBibliography, countCited, formatPlacedProblems, relatedRecordCitations, relatedRecordProblems, sourceCountLine } from '../content/bibliography.ts';
import { contentDir, documentFiles, documentsDir, entitiesDir } from '../content/content-files.ts';
import { collectEntities } from '../content/entities.ts';
import { formatProblems, frontmatterProblems } from '../content/frontmatter-check.ts';
import { linePreservingSource } from '../content/line-preserving-source.ts';

/**
 * Loads the documents of content/documents, one entry per Markdown file, identified by the
 * slug pinned in its frontmatter. Unlike Astro's glob loader it stops the build on any problem
 * (the glob loader only logs a failed render and publishes an empty page), and it renders each
 * file so that build errors name the file's own lines.
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
        loadAll(context, schema, root).catch((error: unknown) => context.logger.error(String(error)));
      });
    },
  };
}

async function loadAll(context: LoaderContext, schema: z.ZodType, root: string): Promise<void> {
  const { store, parseData, renderMarkdown, generateDigest } = context;
  const files = documentFiles(root);
  const errors = files
    .map(({ path, markdown }) => ({ path, problems: frontmatterProblems(markdown, schema) }))
    .filter(({ problems }) => problems.length > 0)
    .map(({ path, problems }) => formatProblems(path, problems));
  if (errors.length > 0) {
    throw new AstroError(
      errors.join('\n'),
      'Each line names the file, the line and column, and what to write there. The fields are described in src/schemas/document.ts.',
    );
  }

  const slugs = new Map<string, string>();
  const entries = [];
  // Every document is rendered, so that one build reports the problems of all of them.
  const failures: string[] = [];
  const citing: CitingDocument[] = [];
  for (const { path, markdown } of files) {
    const { frontmatter } = parseFrontmatter(markdown);
    const id = String(frontmatter['slug']);
    const other = slugs.get(id);
    if (other !== undefined) {
      failures.push(`${path}:1:1  slug "${id}" is already used by ${other}. Give every document its own slug.`);
      continue;
    }
    slugs.set(id, path);
    const data = await parseData({ id, data: frontmatter, filePath: path });
    let rendered: Awaited<ReturnType<typeof renderMarkdown>>;
    try {
      rendered = await renderMarkdown(linePreservingSource(markdown, frontmatter), {
        fileURL: pathToFileURL(resolve(root, path)),
      });
    } catch (error) {
      failures.push(describeFailure(path, error));
      continue;
    }
    const cited = rendered.metadata?.frontmatter?.['citedSources'];
    citing.push({
      slug: id,
      path,
      notes: Array.isArray(cited) ? cited.map(String) : [],
      related: relatedRecordCitations(markdown, path),
    });
    // Astro wants the path relative to the project, even for a collection kept elsewhere. The
    // Markdown body is not kept: the pages use the rendered HTML, and Astro holds every entry in
    // memory and writes them all to one JSON file, which for thousands of documents is the
    // build's limit.
    entries.push({ id, data, filePath: relative(resolve(root), resolve(root, path)), digest: generateDigest(markdown), rendered });
  }
  // The bibliography was checked when the configuration read it; here, what the documents cite.
  const bibliography = collectBibliography(resolve(root, contentDir));
  const related = relatedRecordProblems(bibliography.listed, citing);
  if (related.length > 0) failures.push(formatPlacedProblems(related));
  if (failures.length > 0) {
    throw new AstroError(failures.join('\n'), 'Fix each file at the line named, as the message says.');
  }
  const cited = citedIds(collectEntities(resolve(root, entitiesDir)).citing, citing);
  context.logger.info(sourceCountLine(countCited(bibliography.works, cited)));
  store.clear();
  for (const entry of entries) store.set(entry);
}

/** `file:line:column  reason` from a plugin's VFileMessage, or the message as it is. */
function describeFailure(path: string, error: unknown): string {
  if (!(error instanceof Error)) return `${path}: ${String(error)}`;
  const { line, column, reason } = error as Error & { line?: number; column?: number; reason?: string };
  const place = line === undefined ? path : `${path}:${line}:${column ?? 1}`;
  return `${place}  ${reason ?? error.message}`;
}
