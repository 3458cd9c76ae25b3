/**
 * The source policy, rule by rule: each fixture folder is a small content folder (bibliography,
 * blocked hosts, registry, documents) that breaks one rule, or several; problems.txt lists what
 * an author must be told, one problem a line, as `file:line:column  start of the message`, with
 * the file relative to the folder. Every listed problem must be reported, at its place, and
 * nothing else; a folder without problems.txt must pass.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkSourcePolicy } from '../../src/content/source-policy.ts';

const root = fileURLToPath(new URL('fixtures/source-policy', import.meta.url));

describe('the source policy', () => {
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    const expectedPath = join(dir, 'problems.txt');
    const expected = existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8').trimEnd().split('\n') : [];
    test(
      expected.length === 0
        ? `${name}: passes`
        : `${name}: reports ${expected.length === 1 ? 'the problem' : `all ${expected.length} problems`} at ${expected.length === 1 ? 'its place' : 'their places'}`,
      async () => {
        const { problems, registry } = await checkSourcePolicy(dir);
        const reported = problems.map((problem) => `${relative(dir, problem.path)}:${problem.line}:${problem.column}  ${problem.message}`);
        expect(registry).toEqual([]);
        for (const line of expected) {
          expect(
            reported.some((problem) => problem.startsWith(line)),
            `expected "${line}" among:\n${reported.join('\n')}`,
          ).toBe(true);
        }
        expect(reported, 'nothing else is reported').toHaveLength(expected.length);
      },
    );
  }

  test('the valid collection counts its cited works by kind', async () => {
    const { counts } = await checkSourcePolicy(join(root, 'valid'));
    expect(counts).toEqual({ total: 3, primary: 2, scholarly: 0, reference: 1 });
  });
});
