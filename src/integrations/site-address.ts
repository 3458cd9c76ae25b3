import type { AstroIntegration } from 'astro';

/**
 * Says, once per build, how the pages will give their own address. With SITE_URL every citation,
 * meta tag and copied link carries the public address; without it they carry paths, which the
 * reader's browser completes with the address the page was opened at (src/scripts/page-address.ts).
 */
export default function siteAddress(): AstroIntegration {
  return {
    name: 'edition-site-address',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build') return;
        if (config.site) logger.info(`Addresses in citations and metadata: ${config.site}`);
        else {
          logger.warn(
            'SITE_URL is not set: citations and metadata give paths, completed in the browser with the address a page is opened at. To publish, build with SITE_URL=https://<your address>.',
          );
        }
      },
    },
  };
}
