import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDate, shanghaiDate } from './plain-date';

describe('isIsoDate', () => {
  it.each([
    ['2026-01-31', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['2026-01-31T00:00:00Z', false],
    ['', false],
  ] as const)('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('addMonths (民法典 art. 202: the corresponding day, else the month end)', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-03-15', -12, '2025-03-15'],
    ['2028-02-29', -12, '2027-02-28'],
    ['2029-02-28', -12, '2028-02-28'],
    ['2026-01-10', -1, '2025-12-10'],
  ] as const)('%s %+d → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2026-03-01', 30, '2026-03-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
  ] as const)('%s %+d days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it('refuses a malformed date instead of guessing', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2026/01/01', 1)).toThrow(RangeError);
  });
});

describe('shanghaiDate', () => {
  it.each([
    ['2026-01-31T15:59:59.999Z', '2026-01-31'],
    ['2026-01-31T16:00:00.000Z', '2026-02-01'],
    ['2026-02-01T08:00:00+08:00', '2026-02-01'],
    [Date.UTC(2028, 1, 28, 16), '2028-02-29'],
  ] as const)('%s → %s', (instant, expected) => {
    expect(shanghaiDate(instant)).toBe(expected);
  });

  it('refuses what is not a timestamp', () => {
    expect(() => shanghaiDate('yesterday')).toThrow(RangeError);
  });
});
