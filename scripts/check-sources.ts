/**
 * Checks the source policy (docs/sources.md) over the content folder and prints every problem
 * with its file, line and column: the bibliography and the blocked hosts, the registry's
 * sources, every document's notes and related records, and the works nobody cites. It reads
 * everything, whatever is broken, so that one run shows all there is to fix; it exits 1 if
 * anything is.
 *
 *   npm run check:sources
 *
 * EDITION_CONTENT names another content folder, as for the build.
 */
import { formatPlacedProblems, sourceCountLine } from '../src/content/bibliography.ts';
import { contentDir } from '../src/content/content-files.ts';
import { registryMessage } from '../src/content/entities.ts';
import { checkSourcePolicy } from '../src/content/source-policy.ts';

const { problems, registry, counts } = await checkSourcePolicy(contentDir);
if (problems.length > 0) console.error(formatPlacedProblems(problems));
if (registry.length > 0) console.error(registryMessage(registry));
const total = problems.length + registry.length;
console.log(sourceCountLine(counts));
if (total > 0) {
  console.error(`\n${total} ${total === 1 ? 'problem' : 'problems'} with the sources. The policy: docs/sources.md; the fields: src/schemas/bibliography.ts.`);
  process.exit(1);
}
console.log('The sources follow the policy.');
