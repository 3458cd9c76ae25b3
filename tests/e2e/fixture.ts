/**
 * What every browser test file shares: the built site, served once, and one Chromium, both
 * started by global-setup.ts. A file connects in its `beforeAll` and closes its connection in
 * its `afterAll`, which closes the contexts it opened and leaves the browser to the others.
 */
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { connectBrowser } from '../../tools/browser.ts';

/** The address of a path of the built site (`''` is the home page). */
export function siteAddress(path: string): string {
  return new URL(path, inject('siteUrl')).href;
}

/** A connection to the shared Chromium. */
export function sharedBrowser(): Promise<Browser> {
  return connectBrowser(inject('browserEndpoint'));
}
