/**
 * The Content-Security-Policy at work in Chromium: the header comes with the page, and the
 * policy in the page's own meta tag, without any header, blocks inline code, inline styles and
 * other origins. (That every page loads without a violation is checked in every-page.test.ts.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sharedBrowser } from './fixture.ts';
import { type StaticServer, serveStatic } from '../../tools/static-server.ts';

const readingPage = 'documents/antonov-mao-1959-10-14/';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Watched {
  page: Page;
  headers: Record<string, string>;
  requests: string[];
  /** Requests the browser did not complete, with the reason (`csp`, `net::ERR_FAILED`…). */
  failed: string[];
  problems: string[];
}

/** Opens a page and records every request, console error, page error and policy violation. */
async function watch(url: string, width = 1440): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  const failed: string[] = [];
  // Runs before the page's own code, through the debugging protocol: the policy does not apply.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  return { page, headers: (await response?.allHeaders()) ?? {}, requests, failed, problems };
}

describe('served with its _headers', () => {
  test('the policy header comes with the page, with frame-ancestors', async () => {
    const { page, headers } = await watch(new URL(readingPage, inject('siteUrl')).href);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    await page.context().close();
  });
});

describe('the meta tag alone', () => {
  // A host that sends no headers at all: only the page's own policy protects it.
  let bare: StaticServer;
  let watched: Watched;
  beforeAll(async () => {
    bare = await serveStatic('dist', process.env['BASE_PATH'] ?? '/');
    watched = await watch(new URL(readingPage, bare.url).href, 390);
  });
  afterAll(async () => {
    await watched?.page.context().close();
    await bare?.close();
  });

  test('the page is served without a policy header, and loads cleanly', () => {
    expect(watched.headers['content-security-policy']).toBeUndefined();
    expect(watched.headers['content-type']).toContain('text/html');
    expect(watched.problems).toEqual([]);
  });

  test('an inline script does not run', async () => {
    const ran = await watched.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.injected = "ran";';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return document.documentElement.dataset['injected'] ?? 'blocked';
    });
    expect(ran).toBe('blocked');
    await expect.poll(() => watched.problems.join('\n')).toContain('CSP violation: script-src-elem blocked inline');
  });

  test('an inline style does not apply', async () => {
    const color = await watched.page.evaluate(async () => {
      const style = document.createElement('style');
      style.textContent = 'body { color: rgb(1, 2, 3) !important; }';
      document.head.append(style);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return getComputedStyle(document.body).color;
    });
    expect(color).not.toBe('rgb(1, 2, 3)');
    await expect.poll(() => watched.problems.join('\n')).toContain('CSP violation: style-src-elem blocked inline');
  });

  test('an image from another origin is stopped before it leaves the browser', async () => {
    await watched.page.evaluate(async () => {
      const image = new Image();
      image.src = 'https://elsewhere.example/tracker.png';
      document.body.append(image);
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    await expect.poll(() => watched.problems.join('\n')).toContain('CSP violation: img-src blocked https://elsewhere.example/tracker.png');
    // Playwright names the reason Chromium gives for a request the policy blocked: "csp".
    expect(watched.failed).toContain('https://elsewhere.example/tracker.png csp');
  });
});
