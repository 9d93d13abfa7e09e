import { describe, expect, it } from 'vitest';
import {
  defaultGrouping,
  initialChoice,
  rangeOf,
  recentQuarters,
  type PeriodChoice,
} from './stats-period';

const base: PeriodChoice = initialChoice('2026-11-27');

describe('the statistics period', () => {
  it('starts on the current month', () => {
    expect(base).toMatchObject({ kind: 'month', month: '2026-11-01', quarter: '2026-Q4' });
    expect(rangeOf(base)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('ends February on its last day, leap years included', () => {
    expect(rangeOf({ ...base, month: '2028-02-01' })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
  });

  it('covers a quarter and a year whole', () => {
    expect(rangeOf({ ...base, kind: 'quarter', quarter: '2026-Q1' })).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(rangeOf({ ...base, kind: 'quarter', quarter: '2026-Q4' })).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(rangeOf({ ...base, kind: 'year', year: '2025' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('waits for both ends of a custom range', () => {
    expect(rangeOf({ ...base, kind: 'custom', range: ['2026-03-05', null] })).toBeNull();
    expect(rangeOf({ ...base, kind: 'custom', range: ['2026-03-05', '2026-04-20'] })).toEqual({
      from: '2026-03-05',
      to: '2026-04-20',
    });
  });

  it('lists the last twelve quarters across years', () => {
    const quarters = recentQuarters('2026-02-10');
    expect(quarters.slice(0, 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(quarters).toHaveLength(12);
  });

  it('groups a month by day, a year by month, a custom range by its length', () => {
    expect(defaultGrouping('month', null)).toBe('day');
    expect(defaultGrouping('year', null)).toBe('month');
    expect(defaultGrouping('custom', { from: '2026-01-01', to: '2026-02-15' })).toBe('day');
    expect(defaultGrouping('custom', { from: '2025-01-01', to: '2026-06-30' })).toBe('month');
    expect(defaultGrouping('custom', { from: '2020-01-01', to: '2026-06-30' })).toBe('year');
  });
});
