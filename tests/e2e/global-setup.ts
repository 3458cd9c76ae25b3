import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from '../../tools/browser.ts';
import { serveStatic } from '../../tools/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Root URL of the built site, served on loopback. */
    siteUrl: string;
    /** Where the one Chromium that every browser test drives listens. */
    browserEndpoint: string;
  }
}

/**
 * Serves the built site (dist/) for the browser tests, with the headers of its _headers file as
 * the hosts that read it would send them, and starts the one Chromium the test files share
 * (tests/e2e/fixture.ts); `npm test` builds the site first.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('dist/index.html')) {
    throw new Error('No built site in dist/. Run "npm run build" first (npm test does).');
  }
  const server = await serveStatic('dist', process.env['BASE_PATH'] ?? '/', { headersFile: true });
  const browser = await launchBrowserServer();
  project.provide('siteUrl', server.url);
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
