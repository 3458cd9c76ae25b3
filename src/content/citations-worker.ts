/**
 * A worker thread that formats documents' citations (src/content/document-citations.ts) for the
 * documents loader, so that the CSL engine works on one core while the Markdown pipeline renders
 * the next documents on the other. Run by CitationWorkers (citation-workers.ts), never imported.
 */
import { parentPort } from 'node:worker_threads';
import { documentCitations } from './document-citations.ts';
import type { CitationJob, CitationReply } from './citation-workers.ts';

parentPort?.on('message', ({ id, data, directives, site, base }: CitationJob) => {
  let reply: CitationReply;
  try {
    reply = { id, citations: documentCitations(data, directives, site, base) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
