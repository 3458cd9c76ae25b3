import { describe, expect, test } from 'vitest';
import { formatDate, formatDateRange, formatPartialDate, formatYearSpan } from '../../src/lib/dates.ts';

describe('dates as a reader says them', () => {
  test('a day, a month or a year, as precise as it is known', () => {
    expect(formatDate('1959-10-04')).toBe('4 October 1959');
    expect(formatPartialDate('1959-10')).toBe('October 1959');
    expect(formatPartialDate('1959')).toBe('1959');
    expect(formatDateRange('1918', '1940-08')).toBe('1918 – August 1940');
    expect(formatDateRange('1958-08-23', '1958-08-23')).toBe('23 August 1958');
  });

  test('the years a set of dates spans, in any order', () => {
    expect(formatYearSpan(['1959-10-14', '1959-10-21'])).toBe('1959');
    expect(formatYearSpan(['1962-05', '1949-12-16', '1959'])).toBe('1949–1962');
    expect(formatYearSpan([])).toBeUndefined();
  });
});
