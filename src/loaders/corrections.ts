import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { documentFiles, slugOf } from '../content/content-files.ts';
import { correctionLogPath, correctionLogProblems, readCorrectionLog } from '../content/corrections.ts';

/**
 * Loads each document's correction log (content/corrections/<slug>.yaml; none is an empty log)
 * as one entry per document, keyed by slug. A malformed log, or one that names a paragraph the
 * document does not have, is reported at the line to fix, with every other problem of the
 * content, by the documents loader, which then stops the build (src/content/content-problems.ts).
 */
export function correctionsLoader(root = '.'): Loader {
  return {
    name: 'corrections',
    load: async ({ store, parseData }) => {
      store.clear();
      for (const { markdown } of documentFiles(root)) {
        const slug = slugOf(markdown);
        // A frontmatter that cannot be read is the documents loader's to report.
        if (slug === undefined) continue;
        const logPath = correctionLogPath(slug);
        const file = resolve(root, logPath);
        if (existsSync(file) && correctionLogProblems(readFileSync(file, 'utf8')).length > 0) continue;
        const entries = readCorrectionLog(file);
        store.set({ id: slug, data: await parseData({ id: slug, data: { entries }, filePath: logPath }) });
      }
    },
  };
}
