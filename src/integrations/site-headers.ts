import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { basePrefix, siteHeadersFile } from '../lib/site-headers.ts';

/**
 * Writes `<outDir>/_headers` when the site is built: the HTTP headers for hosts that read that
 * file, made from the site's Content-Security-Policy (src/lib/csp.ts) and the base path the site
 * is built for, so that the header never repeats the policy by hand. A `_headers` in public/
 * would be copied and then replaced: the build stops on one, saying where the rules live.
 */
export default function siteHeaders(): AstroIntegration {
  let base = '/';
  let assets = '_astro';
  return {
    name: 'edition-site-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        const stray = join(fileURLToPath(config.publicDir), '_headers');
        if (existsSync(stray)) {
          throw new Error(
            `${stray}: the build writes the site's _headers itself (src/lib/site-headers.ts, from the policy in src/lib/csp.ts). Remove this file, and make any change to the headers there.`,
          );
        }
        // Checked now, so that a base path the file cannot hold stops the build before it starts.
        base = basePrefix(config.base);
        assets = config.build.assets;
      },
      'astro:build:done': ({ dir, logger }) => {
        const file = join(fileURLToPath(dir), '_headers');
        writeFileSync(file, siteHeadersFile({ base, assets }));
        logger.info(`_headers written for ${base}* (Content-Security-Policy from src/lib/csp.ts)`);
      },
    },
  };
}
