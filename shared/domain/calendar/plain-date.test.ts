import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  isIsoDate,
  isoDateSchema,
  shanghaiDate,
  toDayNumber,
} from './plain-date';

describe('isIsoDate', () => {
  it.each([
    ['2025-10-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['1999-02-30', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-1', false],
    ['20251001', false],
    ['0099-01-01', false],
    ['', false],
  ])('%s → %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });

  it('gives a Chinese message through the schema', () => {
    const parsed = isoDateSchema.safeParse('2025-02-30');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('日期格式应为 YYYY-MM-DD');
  });
});

describe('arithmetic', () => {
  it.each([
    ['2025-09-30', 1, '2025-10-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2025-10-01', 0, '2025-10-01'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['1970-01-01', 4],
    ['2025-10-01', 3],
    ['2025-09-28', 0],
    ['2025-10-11', 6],
    ['1900-01-01', 1],
  ])('%s is weekday %i', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it('fails loudly on a date that was not checked', () => {
    expect(() => toDayNumber('2025-02-30')).toThrow(RangeError);
  });
});

describe('shanghaiDate', () => {
  it.each([
    ['2025-09-30T15:59:59.999Z', '2025-09-30'],
    ['2025-09-30T16:00:00.000Z', '2025-10-01'],
    ['2025-12-31T23:00:00.000Z', '2026-01-01'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });
});
