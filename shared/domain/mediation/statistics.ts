import { ORG_LEVELS, type OrgLevel } from '../../api/roles';
import {
  DISPUTE_SOURCES,
  DISPUTE_TYPES,
  type DisputeSource,
  type DisputeType,
  type Outcome,
} from './vocabulary';

/**
 * Aggregation in the MoJ categories: accepted, concluded, succeeded, success rate (succeeded /
 * concluded, where concluded = succeeded + failed + terminated), performed, judicial confirmations and
 * the amount involved, per period and by dispute type, source or level.
 *
 * Each measure is counted in the period its own event happened: accepted and the amount on acceptance,
 * concluded and succeeded on conclusion, performed on the visit that found the agreement performed,
 * confirmations on the court's ruling. So a case accepted in January and resolved in February counts in
 * both months, as in the MoJ monthly report, and a printed report for a past month never changes.
 *
 * Event reports (事件报告) are not counted: they are deliberately kept out of closure-rate statistics
 * (docs/domain.md). The input type admits only dispute cases (kind: 'dispute'), and a record of another
 * kind that reaches aggregate anyway is skipped.
 */

export interface DisputeCaseStat {
  kind: 'dispute';
  type: DisputeType;
  source: DisputeSource;
  /** The owner's level; for a resolved case that is the level that resolved it (escalation.ts). */
  ownerLevel: OrgLevel;
  acceptedOn: string | null;
  outcome: Outcome | null;
  concludedOn: string | null;
  performedOn: string | null;
  judicialConfirmedOn: string | null;
  amountFen: number | null;
}

export type Granularity = 'month' | 'quarter' | 'year';
type GroupBy = 'type' | 'source' | 'level' | 'all';
type GroupKey = DisputeType | DisputeSource | OrgLevel | 'all';

interface Measures {
  accepted: number;
  concluded: number;
  succeeded: number;
  /** succeeded / concluded, 0..1; null when nothing was concluded. */
  successRate: number | null;
  performed: number;
  judicialConfirmations: number;
  amountFen: number;
}

interface StatisticsRow extends Measures {
  period: string;
  group: GroupKey;
}

/** 'YYYY-MM', 'YYYY-Qn' or 'YYYY' for a 'YYYY-MM-DD' date. */
export function periodOf(date: string, granularity: Granularity): string {
  const year = date.slice(0, 4);
  if (granularity === 'year') return year;
  if (granularity === 'month') return date.slice(0, 7);
  return `${year}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

function groupOf(stat: DisputeCaseStat, groupBy: GroupBy): GroupKey {
  if (groupBy === 'type') return stat.type;
  if (groupBy === 'source') return stat.source;
  if (groupBy === 'level') return stat.ownerLevel;
  return 'all';
}

const GROUP_ORDER: readonly GroupKey[] = [
  ...DISPUTE_TYPES,
  ...DISPUTE_SOURCES,
  ...ORG_LEVELS,
  'all',
];

type Counts = Omit<Measures, 'successRate'>;

/** One row per period and group in which anything happened, by period and then the listed order. */
export function aggregate(
  cases: readonly DisputeCaseStat[],
  granularity: Granularity,
  groupBy: GroupBy,
): StatisticsRow[] {
  const rows = new Map<string, { period: string; group: GroupKey; counts: Counts }>();
  const add = (date: string | null, group: GroupKey, apply: (counts: Counts) => void) => {
    if (date === null) return;
    const period = periodOf(date, granularity);
    const key = `${period}|${group}`;
    let row = rows.get(key);
    if (!row) {
      const counts = {
        accepted: 0,
        concluded: 0,
        succeeded: 0,
        performed: 0,
        judicialConfirmations: 0,
        amountFen: 0,
      };
      row = { period, group, counts };
      rows.set(key, row);
    }
    apply(row.counts);
  };

  for (const stat of cases) {
    // The type already keeps event reports out; this keeps out one forced through a cast or a query.
    if (stat.kind !== 'dispute') continue;
    const group = groupOf(stat, groupBy);
    add(stat.acceptedOn, group, (c) => {
      c.accepted += 1;
      c.amountFen += stat.amountFen ?? 0;
    });
    if (stat.outcome !== null) {
      add(stat.concludedOn, group, (c) => {
        c.concluded += 1;
        if (stat.outcome === 'succeeded') c.succeeded += 1;
      });
    }
    add(stat.performedOn, group, (c) => (c.performed += 1));
    add(stat.judicialConfirmedOn, group, (c) => (c.judicialConfirmations += 1));
  }

  return [...rows.values()]
    .sort((a, b) =>
      a.period === b.period
        ? GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group)
        : a.period < b.period
          ? -1
          : 1,
    )
    .map(({ period, group, counts }) => ({
      period,
      group,
      ...counts,
      successRate: counts.concluded === 0 ? null : counts.succeeded / counts.concluded,
    }));
}
