/**
 * The edition's own sources follow the policy (docs/sources.md): the same checks as
 * `npm run check:sources`, over content/. Every source of every entry and note is in the
 * bibliography at its publisher's address, every entry and note cites a primary source or
 * scholarship, every related record exists, and every work is cited somewhere.
 */
import { expect, test } from 'vitest';
import { formatPlacedProblems } from '../../src/content/bibliography.ts';
import { contentDir } from '../../src/content/content-files.ts';
import { checkSourcePolicy } from '../../src/content/source-policy.ts';

const report = await checkSourcePolicy(contentDir);

test('every source follows the policy', () => {
  expect(report.problems, formatPlacedProblems(report.problems)).toEqual([]);
  expect(report.registry.map((problem) => problem.message)).toEqual([]);
});
