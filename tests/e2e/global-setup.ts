import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../tools/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Root URL of the built site, served on loopback. */
    siteUrl: string;
  }
}

/**
 * Serves the built site (dist/) for the browser tests, with the headers of its _headers file as
 * the hosts that read it would send them; `npm test` builds it first.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('dist/index.html')) {
    throw new Error('No built site in dist/. Run "npm run build" first (npm test does).');
  }
  const server = await serveStatic('dist', process.env['BASE_PATH'] ?? '/', { headersFile: true });
  project.provide('siteUrl', server.url);
  return server.close;
}
