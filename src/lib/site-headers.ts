/**
 * The site's `_headers` file, as the build writes it (src/integrations/site-headers.ts): the
 * HTTP headers that hosts reading that file (Netlify, Cloudflare Pages) send with every page and
 * file. Made from the policy of src/lib/csp.ts, so that the header and every page's meta tag
 * cannot drift apart.
 */
import { headerPolicy, sitePolicy } from './csp.ts';
import { formatHeadersFile, type HeaderBlock } from './headers-file.ts';

export interface SiteHeadersOptions {
  /** The base path the site is built for (Astro's `base`): `/`, `/reader/`. Default: `/`. */
  base?: string;
  /** The folder of the build's files named by their content (Astro's `build.assets`). Default: `_astro`. */
  assets?: string;
}

/** Headers every response gets: no sniffing, no framing, no referrer to other sites, no device APIs. */
export const protectiveHeaders: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=63072000'],
];

/**
 * A base path as a prefix of site paths, `/reader/`. A host reads the patterns of `_headers` as
 * paths from the root of the origin, and `*` or `:name` in them as placeholders: a base path
 * holding one of those could not be written there.
 */
export function basePrefix(base: string): string {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (/[\s*:#]/.test(prefix)) {
    throw new Error(
      `The base path "${base}" cannot be written in _headers: a host would read its "*", ":" or "#" as a pattern. Choose a base path of letters, digits, hyphens and slashes (BASE_PATH=/reader/).`,
    );
  }
  return prefix;
}

/** The rules of the site's `_headers`, every pattern below the base path. */
export function siteHeaderRules(options: SiteHeadersOptions = {}): HeaderBlock[] {
  const prefix = basePrefix(options.base ?? '/');
  const assets = (options.assets ?? '_astro').replace(/^\/+|\/+$/g, '');
  return [
    { pattern: `${prefix}*`, headers: protectiveHeaders },
    {
      comment: [
        'The Content-Security-Policy every page carries in its <meta> tag, plus frame-ancestors, which',
        'only a header can set. One rule for the whole site: hosts send every matching rule, and two',
        'policies would both apply.',
      ],
      pattern: `${prefix}*`,
      headers: [['Content-Security-Policy', headerPolicy(sitePolicy)]],
    },
    {
      comment: ['Built styles and scripts carry a hash of their content in their names: cache them for good.'],
      pattern: `${prefix}${assets}/*`,
      headers: [['Cache-Control', 'public, max-age=31536000, immutable']],
    },
  ];
}

/** The text of the site's `_headers` file. */
export function siteHeadersFile(options: SiteHeadersOptions = {}): string {
  return formatHeadersFile(siteHeaderRules(options), [
    'HTTP headers for static hosts that read this file (Netlify, Cloudflare Pages); other hosts',
    'need the same headers set in their own configuration. Written by the build from',
    'src/lib/site-headers.ts and src/lib/csp.ts: change them there. The paths are site paths,',
    'below the base path the site was built for; hosts read this file only at the root of what',
    'they publish.',
  ]);
}
