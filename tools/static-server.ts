import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import { type HeaderRule, matchesPattern, parseHeadersFile } from '../src/lib/headers-file.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.ris': 'text/plain; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
  /** The site's root URL, with the base path and a trailing slash. */
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /**
   * Send the headers of the site's `_headers` file (the format Netlify and Cloudflare Pages
   * read), its patterns matched against the whole path of the request, base path included, as
   * those hosts do: the build writes them below the base path. Default: `false`.
   */
  headersFile?: boolean;
  /** Gzip text files for browsers that accept it, as static hosts do. Default: `false`. */
  compress?: boolean;
}

/**
 * Serves a built site on loopback the way a plain static host does: `dir/` answers under
 * `base`, a folder answers with its index.html, and anything else with 404.html.
 */
export async function serveStatic(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const headersPath = join(dir, '_headers');
  const rules: HeaderRule[] = options.headersFile && existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    for (const rule of rules) {
      if (!matchesPattern(rule.pattern, path)) continue;
      for (const [name, value] of rule.headers) response.appendHeader(name, value);
    }
    if (!path.startsWith(prefix)) return notFound(dir, response);
    const relative = normalize(path.slice(prefix.length));
    if (relative.startsWith('..') || relative.includes(`..${sep}`)) return notFound(dir, response);
    let file = join(dir, relative);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return notFound(dir, response);
    const type = types[extname(file)] ?? 'application/octet-stream';
    if (options.compress && /^(text\/|image\/svg|application\/json)/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
      response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file)
        .pipe(createGzip({ level: 6 }))
        .pipe(response);
      return;
    }
    response.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function notFound(dir: string, response: import('node:http').ServerResponse): void {
  const page = join(dir, '404.html');
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  if (existsSync(page)) createReadStream(page).pipe(response);
  else response.end('Not found');
}
