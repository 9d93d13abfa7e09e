import { addDays, addMonths, daysBetween } from '@shared/domain/calendar/plain-date';

/**
 * The period the counter statistics cover, as the supervisor picks it: a calendar month, quarter or
 * year, or any range of days. Dates are Asia/Shanghai calendar dates, YYYY-MM-DD.
 */

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export type Grouping = 'day' | 'month' | 'quarter' | 'year';

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  month: '月度',
  quarter: '季度',
  year: '年度',
  custom: '自定义',
};

export const GROUPING_LABELS: Record<Grouping, string> = {
  day: '按日',
  month: '按月',
  quarter: '按季度',
  year: '按年',
};

export interface PeriodChoice {
  kind: PeriodKind;
  /** Any date in the month, e.g. its first day. */
  month: string;
  /** 2026-Q4. */
  quarter: string;
  /** 2026. */
  year: string;
  range: [string | null, string | null];
}

interface StatsRange {
  from: string;
  to: string;
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The current quarter and the eleven before it, newest first. */
export function recentQuarters(today: string): string[] {
  const start = monthStart(today);
  return Array.from({ length: 12 }, (_, index) => quarterOf(addMonths(start, -3 * index)));
}

export function initialChoice(today: string): PeriodChoice {
  return {
    kind: 'month',
    month: monthStart(today),
    quarter: quarterOf(today),
    year: today.slice(0, 4),
    range: [monthStart(today), today],
  };
}

/** The first and last day of the chosen period; null while a custom range is half picked. */
export function rangeOf(choice: PeriodChoice): StatsRange | null {
  switch (choice.kind) {
    case 'month': {
      const from = monthStart(choice.month);
      return { from, to: addDays(addMonths(from, 1), -1) };
    }
    case 'quarter': {
      const firstMonth = (Number(choice.quarter.slice(-1)) - 1) * 3 + 1;
      const from = `${choice.quarter.slice(0, 4)}-${String(firstMonth).padStart(2, '0')}-01`;
      return { from, to: addDays(addMonths(from, 3), -1) };
    }
    case 'year':
      return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
    case 'custom': {
      const [from, to] = choice.range;
      return from && to ? { from, to } : null;
    }
  }
}

/** Days within a month, months within a quarter or a year; a custom range by its length. */
export function defaultGrouping(kind: PeriodKind, range: StatsRange | null): Grouping {
  if (kind === 'month') return 'day';
  if (kind !== 'custom') return 'month';
  if (!range) return 'month';
  const days = daysBetween(range.from, range.to);
  return days <= 62 ? 'day' : days <= 3 * 366 ? 'month' : 'year';
}
