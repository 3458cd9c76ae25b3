import { describe, expect, test } from 'vitest';
import { calendarProblem } from '../../src/lib/dates.ts';

describe('days of the calendar', () => {
  test.each(['1959-10-14', '1959-02-28', '1960-02-29', '2000-02-29', '1959-12-31', '1959-04-30', '1959-10', '1959'])(
    '%s is a day (or month) of the calendar',
    (value) => {
      expect(calendarProblem(value)).toBeUndefined();
    },
  );

  test.each([
    ['1959-02-30', '1959-02-30 is not a day of the calendar: February 1959 has 28 days.'],
    ['1959-02-29', '1959-02-29 is not a day of the calendar: February 1959 has 28 days.'],
    ['1900-02-29', '1900-02-29 is not a day of the calendar: February 1900 has 28 days.'],
    ['1960-02-30', '1960-02-30 is not a day of the calendar: February 1960 has 29 days.'],
    ['1959-04-31', '1959-04-31 is not a day of the calendar: April 1959 has 30 days.'],
    ['1959-10-00', '1959-10-00 is not a day of the calendar: days are numbered from 01.'],
    ['1959-13-01', '1959-13-01 is not a month of the calendar: months are numbered 01 to 12.'],
    ['1959-00', '1959-00 is not a month of the calendar: months are numbered 01 to 12.'],
  ])('%s is refused: %s', (value, message) => {
    expect(calendarProblem(value)).toBe(message);
  });

  test('a value of another shape is left to the schema', () => {
    expect(calendarProblem('14 October 1959')).toBeUndefined();
    expect(calendarProblem('1959-2-3')).toBeUndefined();
  });
});

describe('impossible days in the content', async () => {
  const { correctionLogProblems } = await import('../../src/content/corrections.ts');
  const { parseEntityFile } = await import('../../src/content/entities.ts');

  test('a correction dated on no day of the calendar says so at its line', () => {
    const yaml = '- date: "2026-02-29"\n  paragraphs: [p1]\n  change: "A."\n  reason: "B."\n';
    expect(correctionLogProblems(yaml)).toEqual([
      { line: 1, column: 9, message: 'date: 2026-02-29 is not a day of the calendar: February 2026 has 28 days. Write the day the correction was published.' },
    ]);
  });

  test('an event of the registry that starts on no day of the calendar says so at its line', () => {
    const yaml = [
      '- id: plenum',
      '  name: A plenum',
      '  gloss: A meeting.',
      '  start: "1959-11-31"',
      '  sources:',
      '    - source: a',
      '      checked: the date',
      '',
    ].join('\n');
    const { problems } = parseEntityFile(yaml, 'event', 'content/entities/events.yaml');
    expect(problems).toEqual([
      { line: 4, column: 10, message: expect.stringMatching(/^start: 1959-11-31 is not a day of the calendar: November 1959 has 30 days\./) },
    ]);
  });
});
