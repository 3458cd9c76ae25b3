import { expect, test } from 'vitest';
import { median } from '../lib/median.ts';

test('the middle value, the mean of the two middle ones for an even count, 0 for none', () => {
  expect(median([7.8, 7.1, 8.4])).toBe(7.8);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([])).toBe(0);
});
