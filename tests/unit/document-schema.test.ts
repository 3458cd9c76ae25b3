import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatProblems, frontmatterProblems } from '../../src/content/frontmatter-check.ts';
import { documentSchema } from '../../src/schemas/document.ts';
import { fixtures } from '../helpers/render.ts';

describe('document frontmatter', () => {
  for (const fixture of fixtures(fileURLToPath(new URL('fixtures/document-schema', import.meta.url)))) {
    const problems = () => frontmatterProblems(fixture.input, documentSchema);
    if (fixture.error) {
      const { place, message } = fixture.error;
      test(`${fixture.name}: reported at ${place}`, () => {
        const reported = problems().map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
        expect(reported.length, 'a problem must be reported').toBeGreaterThan(0);
        expect(
          reported.some((line) => line.startsWith(`${place} `) && line.includes(message)),
          reported.join('\n'),
        ).toBe(true);
      });
    } else {
      test(`${fixture.name}: no problem`, () => {
        expect(problems()).toEqual([]);
      });
    }
  }

  test('the build error names the file, line and column of every problem', () => {
    const message = formatProblems('content/documents/x.md', [
      { line: 3, column: 8, message: 'title must not be empty.' },
      { line: 9, column: 1, message: 'recordDate must be a date.' },
    ]);
    expect(message.split('\n')).toEqual([
      'Frontmatter of content/documents/x.md is wrong:',
      '  content/documents/x.md:3:8  title must not be empty.',
      '  content/documents/x.md:9:1  recordDate must be a date.',
    ]);
  });

  test('an unquoted YAML date is read as the same calendar day', () => {
    const parsed = documentSchema.shape.recordDate.parse(new Date('1959-10-21T00:00:00Z'));
    expect(parsed).toBe('1959-10-21');
  });
});
