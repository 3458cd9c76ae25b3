import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type ParsedPage, parsePage, type SiteLayout } from './site-links.ts';
import { publicOrigin } from '../src/lib/site.ts';

export interface BuiltSite {
  dir: string;
  /** Every file of the build, relative to `dir`, `/`-separated. */
  files: Set<string>;
  /** The HTML pages among them, as text and parsed. */
  pages: Map<string, { html: string; parsed: ParsedPage }>;
}

export function readBuiltSite(dir: string): BuiltSite {
  const files = new Set(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
  const pages = new Map(
    [...files]
      .filter((file) => file.endsWith('.html'))
      .sort()
      .map((file) => {
        const html = readFileSync(join(dir, file), 'utf8');
        return [file, { html, parsed: parsePage(html) }] as const;
      }),
  );
  return { dir, files, pages };
}

/** The origin and base path the site is built for, read from the environment as astro.config.mjs reads them. */
export function siteLayout(basePath = process.env['BASE_PATH'] ?? '/', siteUrl = process.env['SITE_URL']): SiteLayout {
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  // Without SITE_URL the pages' own addresses are paths; links are resolved against an origin
  // that no real site has (the reserved .invalid domain), so that none can pass for the site's.
  return { origin: publicOrigin(siteUrl) ?? 'https://built-site.invalid', base };
}
