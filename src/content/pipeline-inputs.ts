/**
 * What the Markdown pipeline is given besides a document, read from the content folder: the
 * registry's spellings, the bibliography's works and the published anchors. The configuration
 * (astro.config.mjs) hands these to the plugins; the documents loader keys its cache by them
 * (src/content/render-cache.ts), so both read them here, the same way.
 */
import type { AnchorLock } from '../lib/anchors.ts';
import type { PipelineOptions } from '../plugins/index.ts';
import { readRegistryAndBibliography } from './bibliography.ts';
import { anchorLockFile } from './content-files.ts';
import { readAnchorLock } from './read-lock.ts';
import { digestOf } from './render-cache.ts';

export function pipelineInputs(
  dir: string,
  base: string,
): ReturnType<typeof readRegistryAndBibliography> & { options: PipelineOptions & { lock: AnchorLock } } {
  const read = readRegistryAndBibliography(dir);
  const lockPath = anchorLockFile(dir);
  return {
    ...read,
    options: { lock: seenByPath(readAnchorLock(lockPath), lockPath), lockPath, entities: read.entityRefs, bibliography: read.sourceRefs, base },
  };
}

/**
 * The lock as JSON shows it: its path only. Astro keys its whole cache of pages by the JSON of
 * the Markdown options (astro.config.mjs), so with the entries there, locking one document's
 * paragraphs would render every page again. Each document's render key holds its own entries
 * (`documentKey`), and the lock changes no HTML, only what the build reports.
 */
function seenByPath(lock: AnchorLock, lockPath: string): AnchorLock {
  return Object.defineProperty(lock, 'toJSON', { value: () => ({ lockPath }), enumerable: false });
}

/**
 * The digest of what every document's render shares: the code, and of the registry and the
 * bibliography only what the plugins read (an entity's spellings, a work's kind and address),
 * so that correcting a gloss or a date in the registry renders no document again. The anchors
 * are each document's own (`documentKey`).
 */
export function sharedInputsDigest(code: string, options: PipelineOptions, site: string | undefined): string {
  const spellings = (options.entities ?? []).map(({ id, spellings: names }) => [id, names]);
  const works = (options.bibliography ?? []).map(({ id, kind, url, document }) => [id, kind, url ?? null, document ?? null]);
  return digestOf([code, JSON.stringify(spellings), JSON.stringify(works), options.base ?? '/', site ?? '']);
}

/** The key of one document's render: the shared inputs, its file and bytes, and its published anchors. */
export function documentKey(shared: string, path: string, markdown: string, anchors: unknown): string {
  return digestOf([shared, path, markdown, JSON.stringify(anchors ?? null)]);
}
