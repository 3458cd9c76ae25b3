/**
 * The site's Content-Security-Policy, in one place: every page carries it in a `<meta>` tag
 * (src/layouts/Base.astro), and the `_headers` file the build writes (src/lib/site-headers.ts)
 * sends it as a header to hosts that read that file. Everything the site loads comes from its
 * own origin, from files: no inline script or style, no eval, nothing from another origin.
 */
import { createHash } from 'node:crypto';

export interface PolicyOptions {
  /**
   * Allow WebAssembly compilation (`'wasm-unsafe-eval'` in `script-src`): only on a page that
   * runs Pagefind's search, which is WebAssembly. Default: `false`.
   */
  wasm?: boolean;
  /**
   * Base64 SHA-256 digests of the page's inline scripts, if it has any (`'sha256-…'`).
   * Default: none; the site's scripts are files.
   */
  scriptHashes?: readonly string[];
}

export type Policy = Map<string, string[]>;

/**
 * What every page of the site allows: every page runs search from the box in its header, and
 * Pagefind's search is WebAssembly, so every page may compile it. A page adds to this (the
 * digest of an inline data block), never takes from it; the `_headers` file sends it for all.
 */
export const sitePolicy: Readonly<PolicyOptions> = { wasm: true };

/** The digest of an inline script's text, as `scriptHashes` takes it: base64 SHA-256. */
export function inlineScriptHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** Directives a `<meta>` policy cannot carry: browsers ignore them there, with a console error. */
export const headerOnlyDirectives = ['frame-ancestors', 'report-uri', 'sandbox'] as const;

/** The policy as directives and their sources, in a fixed order. */
export function policy(options: PolicyOptions = {}): Policy {
  const scripts = ["'self'", ...(options.wasm ? ["'wasm-unsafe-eval'"] : []), ...(options.scriptHashes ?? []).map((hash) => `'sha256-${hash}'`)];
  return new Map([
    ['default-src', ["'none'"]],
    ['script-src', scripts],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'"]],
    ['font-src', ["'self'"]],
    // Search fetches its index and runs its worker from this origin.
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
  ]);
}

/** The policy for a `<meta http-equiv="content-security-policy">` tag. */
export function metaPolicy(options: PolicyOptions = {}): string {
  return serializePolicy(policy(options));
}

/** The policy for a `Content-Security-Policy` header: the meta policy, and no page may frame the site. */
export function headerPolicy(options: PolicyOptions = {}): string {
  return serializePolicy(new Map([...policy(options), ['frame-ancestors', ["'none'"]]]));
}

export function serializePolicy(directives: Policy): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** Reads a policy written as a header or meta value; directive names in lower case. */
export function parsePolicy(text: string): Policy {
  const directives: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What a policy gives up to attackers: `'unsafe-inline'`, `'unsafe-eval'`, wildcards, schemes. */
export function weakSources(directives: Policy): string[] {
  const weak = new Set(["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:']);
  return [...directives].flatMap(([name, sources]) => sources.filter((source) => weak.has(source)).map((source) => `${name} ${source}`));
}
