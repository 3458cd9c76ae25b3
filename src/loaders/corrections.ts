import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { AstroError } from 'astro/errors';
import type { Loader } from 'astro/loaders';
import { documentFiles } from '../content/content-files.ts';
import { correctionLogPath, correctionLogProblems, readCorrectionLog } from '../content/corrections.ts';
import { documentAnchors } from '../content/document-anchors.ts';
import { formatProblems } from '../content/frontmatter-check.ts';

/**
 * Loads each document's correction log (content/corrections/<slug>.yaml; none is an empty log)
 * as one entry per document, keyed by slug. A malformed log, or one that names a paragraph the
 * document does not have, stops the build at the line to fix.
 */
export function correctionsLoader(root = '.'): Loader {
  return {
    name: 'corrections',
    load: async ({ store, parseData }) => {
      store.clear();
      for (const { path, markdown } of documentFiles(root)) {
        const slug = String(parseFrontmatter(markdown).frontmatter['slug']);
        const logPath = correctionLogPath(slug);
        const file = resolve(root, logPath);
        const text = existsSync(file) ? readFileSync(file, 'utf8') : '[]';
        const problems = correctionLogProblems(text);
        if (problems.length > 0) {
          throw new AstroError(formatProblems(logPath, problems, 'The correction log'), 'The fields are described in src/schemas/corrections.ts.');
        }
        const entries = readCorrectionLog(file);
        if (entries.length === 0) {
          // Most documents have no corrections: parsing them only to check no ids would cost
          // as much as rendering them again.
          store.set({ id: slug, data: await parseData({ id: slug, data: { entries }, filePath: logPath }) });
          continue;
        }
        // A document that does not parse is reported, at its line, by the documents loader.
        const anchors = await documentAnchors(markdown, path).then(
          (parsed) => parsed.anchors,
          () => undefined,
        );
        if (anchors === undefined) continue;
        const ids = new Set(anchors.map((anchor) => anchor.id));
        for (const id of entries.flatMap((entry) => entry.paragraphs)) {
          if (ids.has(id)) continue;
          const line = text.split('\n').findIndex((row) => new RegExp(`(^|[\\s,[])${id}([\\s,\\]]|$)`).test(row)) + 1;
          throw new AstroError(
            `${logPath}:${Math.max(line, 1)}:1  The correction log names #${id}, which ${path} does not have.`,
            'Use the id at the end of the corrected paragraph, e.g. p12 for "{#p12}".',
          );
        }
        const data = await parseData({ id: slug, data: { entries }, filePath: logPath });
        store.set({ id: slug, data });
      }
    },
  };
}
