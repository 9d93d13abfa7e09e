import { describe, expect, it } from 'vitest';
import { formatRate, periodLabel, totalsByGroup, type StatsRow } from './stats-rows';

function row(period: string, group: string, patch: Partial<StatsRow>): StatsRow {
  return {
    period,
    group,
    accepted: 0,
    concluded: 0,
    succeeded: 0,
    successRate: null,
    performed: 0,
    judicialConfirmations: 0,
    amountFen: 0,
    ...patch,
  };
}

describe('periodLabel', () => {
  it.each([
    ['2026-11', '2026年11月'],
    ['2026-01', '2026年1月'],
    ['2026-Q4', '2026年第四季度'],
    ['2026-Q1', '2026年第一季度'],
    ['2026', '2026年'],
  ])('%s → %s', (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });
});

describe('totalsByGroup', () => {
  it('sums each group over the periods and recomputes the rate from the sums', () => {
    const totals = totalsByGroup(
      [
        row('2026-10', 'township', { accepted: 1, concluded: 1, succeeded: 1, amountFen: 100 }),
        row('2026-10', 'village', { accepted: 2, concluded: 2, succeeded: 0 }),
        row('2026-11', 'village', { accepted: 1, concluded: 1, succeeded: 1, performed: 1 }),
      ],
      'level',
    );
    expect(totals.map((t) => [t.group, t.accepted, t.concluded, t.succeeded, t.performed])).toEqual(
      [
        ['village', 3, 3, 1, 1],
        ['township', 1, 1, 1, 0],
      ],
    );
    // 1 of 3, not the average of 0% and 100%.
    expect(formatRate(totals[0]!.successRate)).toBe('33.3%');
    expect(totals[1]!.amountFen).toBe(100);
  });

  it('lists dispute types in the order of the monthly report', () => {
    const totals = totalsByGroup(
      [row('2026-11', 'other', { accepted: 1 }), row('2026-11', 'neighbour', { accepted: 1 })],
      'type',
    );
    expect(totals.map((t) => t.group)).toEqual(['neighbour', 'other']);
  });

  it('shows no rate, rather than 0%, when nothing was concluded', () => {
    expect(
      formatRate(totalsByGroup([row('2026', 'all', { accepted: 4 })], 'level')[0]!.successRate),
    ).toBe('—');
  });
});
