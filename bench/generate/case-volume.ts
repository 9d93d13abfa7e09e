import { dayOfWeek, yearOf } from '@shared/domain/calendar/plain-date';
import type { ItemVersion } from './case-story';
import { Weighted } from './random';

/**
 * How many cases each working day takes in, and of which items: volume grows a little every year,
 * peaks before the Spring Festival and during the autumn insurance enrolment, and is highest on
 * Mondays. The popular items are those a township counter sees most.
 */

const ITEM_WEIGHTS: Record<string, number> = {
  'ZJ-XZ-0001': 8,
  'ZJ-XZ-0002': 4,
  'ZJ-XZ-0003': 3,
  'ZJ-XZ-0005': 3,
  'ZJ-XZ-0007': 5,
  'ZJ-XZ-0009': 2,
  'ZJ-XZ-0019': 3,
  'ZJ-XZ-0020': 3,
  'ZJ-XZ-0028': 4,
  'ZJ-XZ-0036': 6,
  'ZJ-XZ-0037': 2,
  'ZJ-XZ-0038': 2,
  'ZJ-XZ-0039': 2,
};

export function itemMix(items: readonly (ItemVersion & { code: string })[]): Weighted<ItemVersion> {
  return new Weighted(items.map((item) => [item, ITEM_WEIGHTS[item.code] ?? 1] as const));
}

const MONTH_FACTORS = [1.25, 0.8, 1, 1, 1, 0.95, 0.95, 0.95, 1.15, 1.1, 1.15, 1.15];

function dayWeight(date: string, firstYear: number): number {
  const month = Number(date.slice(5, 7));
  const weekday = dayOfWeek(date);
  const weekdayFactor = weekday === 1 ? 1.2 : weekday === 5 ? 0.9 : 1;
  return (1 + 0.07 * (yearOf(date) - firstYear)) * MONTH_FACTORS[month - 1]! * weekdayFactor;
}

/** Spreads `total` over the days by weight, rounding so that the counts add up to `total` exactly. */
export function casesPerDay(days: readonly string[], total: number): number[] {
  if (days.length === 0) return [];
  const firstYear = yearOf(days[0]!);
  const weights = days.map((date) => dayWeight(date, firstYear));
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let issued = 0;
  return weights.map((weight) => {
    cumulative += (weight / sum) * total;
    const count = Math.round(cumulative) - issued;
    issued += count;
    return count;
  });
}
