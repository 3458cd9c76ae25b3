/**
 * The official CSL styles the edition cites in, read at build time from the npm packages that
 * ship them. All CSL styles are by the Citation Style Language project and its contributors,
 * licensed CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/); the copies used here
 * are named with their package below.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** A style the edition offers, with where its XML comes from. */
export interface StyleSource {
  /** The CSL style id, as in the official repository. */
  id: string;
  /** The name shown to readers. */
  name: string;
  /** Where the XML comes from: the npm package that ships it, or its file in the repository. */
  package: string;
  /** The CSL XML. */
  xml: string;
}

/** `@citation/csl-style-*` packages ship `{ content: "<?xml …" }` in info.json. */
function fromCitationPackage(name: string): string {
  const info = require(`${name}/info.json`) as { content?: unknown };
  if (typeof info.content !== 'string') throw new Error(`${name}/info.json holds no CSL style.`);
  return info.content;
}

/**
 * A style kept in the repository as the official file (src/content/csl/), for a style no npm package
 * ships on its own: read from the project root, where every build, test and script runs.
 */
function fromStyleFile(file: string): string {
  const xml = readFileSync(join('src', 'content', 'csl', file), 'utf8');
  if (!xml.startsWith('<?xml')) throw new Error(`src/content/csl/${file} is not a CSL style.`);
  return xml;
}

/**
 * MLA's official style writes the locator's label and number in a group with no delimiter,
 * so citeproc-js prints "(Antonov, para.12)". MLA writes "(Antonov, par. 12)": the one change
 * made to an official style here is that space (a CC BY-SA adaptation, marked as such).
 */
export function fixMlaLocatorSpace(xml: string): string {
  const unspaced = '<group><label variable="locator" form="short"/><text variable="locator"/></group>';
  return xml.replace(unspaced, '<group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>');
}

/**
 * The styles: Chicago notes and bibliography (short notes, and the full-note variant for a
 * first note), MLA and APA. APA is the copy built into @citation-js/plugin-csl.
 */
export function loadStyles(): StyleSource[] {
  return [
    {
      id: 'chicago-note-bibliography',
      name: 'Chicago Manual of Style 17th edition (notes and bibliography)',
      package: '@citation/csl-style-chicago-note-bibliography',
      xml: fromCitationPackage('@citation/csl-style-chicago-note-bibliography'),
    },
    {
      id: 'chicago-fullnote-bibliography',
      name: 'Chicago Manual of Style 17th edition (full note)',
      package: '@citation/csl-style-chicago-fullnote-bibliography',
      xml: fromCitationPackage('@citation/csl-style-chicago-fullnote-bibliography'),
    },
    {
      id: 'modern-language-association',
      name: 'MLA Handbook 9th edition',
      package: 'src/content/csl/modern-language-association.csl (the official style of 13 July 2021)',
      xml: fixMlaLocatorSpace(fromStyleFile('modern-language-association.csl')),
    },
  ];
}

/** The `<id>` and `<title>` a style declares about itself. */
export function styleInfo(xml: string): { id: string; title: string } {
  const id = /<id>([^<]+)<\/id>/.exec(xml)?.[1] ?? '';
  const title = /<title>([^<]+)<\/title>/.exec(xml)?.[1] ?? '';
  return { id, title };
}
