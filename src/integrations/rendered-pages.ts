/**
 * Middleware the search step adds to the build (pagefind.ts): every HTML page Astro prerenders is
 * handed, as it leaves the renderer, to whatever the build has set to receive it, so that the
 * page can be prepared for the search index on another core while the next pages render. The
 * page is returned as rendered. Outside a build nothing receives pages and this does nothing.
 */
import type { MiddlewareHandler } from 'astro';

/** Where the search step puts its receiver for the build's rendered pages. */
export const renderedPageReceiver = Symbol.for('reading-edition.rendered-page');

type Receiver = (html: string) => void;

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const receive = (globalThis as { [renderedPageReceiver]?: Receiver })[renderedPageReceiver];
  if (receive === undefined || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  receive(html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
};
