/**
 * A worker thread of RenderWorkers (render-workers.ts), never imported: it builds the edition's
 * Markdown processor with the pipeline's inputs read from the content folder, renders each
 * document it is sent as Astro's renderMarkdown does (the frontmatter parsed off, the body
 * rendered with it), and formats the document's citations from the paragraphs it recorded.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parentPort, workerData } from 'node:worker_threads';
import { markdownProcessor } from '../plugins/index.ts';
import type { DocumentProblem } from '../plugins/report-problems.ts';
import type { ParagraphDirective } from '../lib/text-fragment.ts';
import { prepareEngines } from './citations.ts';
import { documentCitations } from './document-citations.ts';
import { pipelineInputs } from './pipeline-inputs.ts';
import type { Rendered, RenderJob, RenderReply, RenderSetup } from './render-workers.ts';

const setup = workerData as RenderSetup;
const renderer = markdownProcessor(pipelineInputs(setup.folder, setup.base).options).createRenderer(setup.markdown);
prepareEngines();

async function render(job: RenderJob): Promise<Rendered> {
  const { frontmatter, content } = parseFrontmatter(job.source);
  let result: Awaited<ReturnType<Awaited<typeof renderer>['render']>>;
  try {
    result = await (await renderer).render(content, { frontmatter, fileURL: new URL(job.fileUrl) });
  } catch (error) {
    // A plugin's VFileMessage, or an error of its own: its place, if it has one.
    const { line, column, reason, message } = error as Error & { line?: number; column?: number; reason?: string };
    return { failure: { ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), message: reason ?? message ?? String(error) } };
  }
  const recorded = result.metadata.frontmatter as Record<string, unknown>;
  // The plugins' problems, recorded by the pipeline's last step instead of failing the render.
  const problems = recorded['problems'] as DocumentProblem[] | undefined;
  if (problems !== undefined) return { problems };
  const directives = recorded['paragraphDirectives'];
  if (!Array.isArray(directives)) throw new Error('The render recorded no paragraphs (remarkRecordDirectives must run).');
  return {
    html: result.code,
    frontmatter: recorded,
    citations: documentCitations(job.data, directives as ParagraphDirective[], job.site, job.base),
  };
}

parentPort?.on('message', ({ id, job }: { id: number; job: RenderJob }) => {
  render(job).then(
    (rendered) => parentPort?.postMessage({ id, rendered } satisfies RenderReply),
    (error: unknown) => parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderReply),
  );
});
