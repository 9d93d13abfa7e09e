import { ORG_LEVEL_LABELS, type MediationStats, type OrgLevel } from '@shared/api';
import {
  DISPUTE_SOURCE_LABELS,
  DISPUTE_TYPE_LABELS,
  type DisputeSource,
  type DisputeType,
} from '@shared/domain/mediation/vocabulary';

export type StatsRow = MediationStats['byPeriod'][number];
export type Granularity = MediationStats['granularity'];
export type Dimension = 'type' | 'source' | 'level';

const QUARTERS = ['一', '二', '三', '四'];

/** 2026-11 → 2026年11月, 2026-Q4 → 2026年第四季度, 2026 → 2026年. */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${QUARTERS[Number(quarter[2]) - 1]}季度`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return /^\d{4}$/.test(period) ? `${period}年` : period;
}

const GROUP_LABELS: Record<Dimension, Record<string, string>> = {
  type: DISPUTE_TYPE_LABELS satisfies Record<DisputeType, string>,
  source: DISPUTE_SOURCE_LABELS satisfies Record<DisputeSource, string>,
  level: ORG_LEVEL_LABELS satisfies Record<OrgLevel, string>,
};

/** The order the monthly report lists them: village first for the levels, as the slogan reads. */
const GROUP_ORDER: Record<Dimension, readonly string[]> = {
  type: Object.keys(DISPUTE_TYPE_LABELS),
  source: Object.keys(DISPUTE_SOURCE_LABELS),
  level: ['village', 'township', 'county'],
};

export function groupLabel(dimension: Dimension, group: string): string {
  return GROUP_LABELS[dimension][group] ?? group;
}

function emptyRow(period: string, group: string): StatsRow {
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
  };
}

function add(into: StatsRow, row: StatsRow): void {
  into.accepted += row.accepted;
  into.concluded += row.concluded;
  into.succeeded += row.succeeded;
  into.performed += row.performed;
  into.judicialConfirmations += row.judicialConfirmations;
  into.amountFen += row.amountFen;
  into.successRate = into.concluded === 0 ? null : into.succeeded / into.concluded;
}

/**
 * The per-period rows of one dimension summed over the whole range, one row per group in the report's
 * order; groups with nothing in the range are left out. The rate is recomputed from the sums, never
 * averaged.
 */
export function totalsByGroup(rows: readonly StatsRow[], dimension: Dimension): StatsRow[] {
  const byGroup = new Map<string, StatsRow>();
  for (const row of rows) {
    const total = byGroup.get(row.group) ?? emptyRow('', row.group);
    add(total, row);
    byGroup.set(row.group, total);
  }
  const order = GROUP_ORDER[dimension];
  return [...byGroup.values()].sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}

/** 66.7%; a dash when nothing was concluded, so that no rate is shown as 0%. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
