import { describe, expect, it } from 'vitest';
import { type DisputeCaseStat, aggregate, periodOf } from './statistics';

describe('periodOf', () => {
  it.each([
    ['2026-01-01', 'month', '2026-01'],
    ['2026-03-31', 'quarter', '2026-Q1'],
    ['2026-04-01', 'quarter', '2026-Q2'],
    ['2026-09-30', 'quarter', '2026-Q3'],
    ['2026-12-31', 'quarter', '2026-Q4'],
    ['2028-02-29', 'month', '2028-02'],
    ['2026-12-31', 'year', '2026'],
  ] as const)('%s by %s → %s', (date, granularity, period) => {
    expect(periodOf(date, granularity)).toBe(period);
  });
});

const stat = (patch: Partial<DisputeCaseStat>): DisputeCaseStat => ({
  kind: 'dispute',
  type: 'neighbour',
  source: 'application',
  ownerLevel: 'village',
  acceptedOn: '2026-01-10',
  outcome: null,
  concludedOn: null,
  performedOn: null,
  judicialConfirmedOn: null,
  amountFen: null,
  ...patch,
});

const cases: DisputeCaseStat[] = [
  // Accepted in January, resolved in February, performed and confirmed in March.
  stat({
    amountFen: 500_000,
    outcome: 'succeeded',
    concludedOn: '2026-02-03',
    performedOn: '2026-03-01',
    judicialConfirmedOn: '2026-03-05',
  }),
  stat({ type: 'contract', amountFen: 2_000_000, outcome: 'failed', concludedOn: '2026-01-30' }),
  stat({
    type: 'contract',
    source: 'grid_report',
    acceptedOn: '2026-02-28',
    outcome: 'terminated',
    concludedOn: '2026-02-28',
  }),
  stat({
    source: 'hotline_12345',
    ownerLevel: 'township',
    acceptedOn: '2026-04-02',
    outcome: 'succeeded',
    concludedOn: '2026-04-20',
  }),
  // Registered but not yet accepted: nothing to count.
  stat({ acceptedOn: null }),
];

const row = (period: string, group: string, patch: Record<string, number | null>) => ({
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
});

describe('aggregate', () => {
  it('counts each measure in the month its event happened', () => {
    expect(aggregate(cases, 'month', 'all')).toEqual([
      row('2026-01', 'all', { accepted: 2, amountFen: 2_500_000, concluded: 1, successRate: 0 }),
      row('2026-02', 'all', { accepted: 1, concluded: 2, succeeded: 1, successRate: 0.5 }),
      row('2026-03', 'all', { performed: 1, judicialConfirmations: 1 }),
      row('2026-04', 'all', { accepted: 1, concluded: 1, succeeded: 1, successRate: 1 }),
    ]);
  });

  it.each([
    [
      'quarter',
      'all',
      [
        row('2026-Q1', 'all', {
          accepted: 3,
          amountFen: 2_500_000,
          concluded: 3,
          succeeded: 1,
          successRate: 1 / 3,
          performed: 1,
          judicialConfirmations: 1,
        }),
        row('2026-Q2', 'all', { accepted: 1, concluded: 1, succeeded: 1, successRate: 1 }),
      ],
    ],
    [
      'year',
      'type',
      [
        row('2026', 'neighbour', {
          accepted: 2,
          amountFen: 500_000,
          concluded: 2,
          succeeded: 2,
          successRate: 1,
          performed: 1,
          judicialConfirmations: 1,
        }),
        row('2026', 'contract', {
          accepted: 2,
          amountFen: 2_000_000,
          concluded: 2,
          successRate: 0,
        }),
      ],
    ],
    [
      'year',
      'source',
      [
        row('2026', 'application', {
          accepted: 2,
          amountFen: 2_500_000,
          concluded: 2,
          succeeded: 1,
          successRate: 0.5,
          performed: 1,
          judicialConfirmations: 1,
        }),
        row('2026', 'grid_report', { accepted: 1, concluded: 1, successRate: 0 }),
        row('2026', 'hotline_12345', { accepted: 1, concluded: 1, succeeded: 1, successRate: 1 }),
      ],
    ],
    [
      'year',
      'level',
      [
        row('2026', 'township', { accepted: 1, concluded: 1, succeeded: 1, successRate: 1 }),
        row('2026', 'village', {
          accepted: 3,
          amountFen: 2_500_000,
          concluded: 3,
          succeeded: 1,
          successRate: 1 / 3,
          performed: 1,
          judicialConfirmations: 1,
        }),
      ],
    ],
  ] as const)('by %s and %s', (granularity, groupBy, expected) => {
    expect(aggregate(cases, granularity, groupBy)).toEqual(expected);
  });

  it('spans a year boundary in order', () => {
    const periods = aggregate(
      [stat({ acceptedOn: '2026-12-31', outcome: 'succeeded', concludedOn: '2027-01-02' })],
      'quarter',
      'all',
    ).map((r) => r.period);
    expect(periods).toEqual(['2026-Q4', '2027-Q1']);
  });

  it('has no rows for no cases', () => {
    expect(aggregate([], 'month', 'type')).toEqual([]);
  });

  it('never counts an event report, which does not even type-check as input', () => {
    const eventReport = { kind: 'event_report', category: '安全隐患', reportedOn: '2026-01-05' };
    // @ts-expect-error event reports are kept out of the statistics by type
    expect(aggregate([eventReport], 'month', 'all')).toEqual([]);
    const forced = { ...stat({}), kind: 'event_report' } as unknown as DisputeCaseStat;
    expect(aggregate([...cases, forced], 'month', 'all')).toEqual(aggregate(cases, 'month', 'all'));
  });
});
