/**
 * How a period of the counter statistics is named for people: 2026-Q4 → 2026年第4季度,
 * 2026 → 2026年; days (2026-11-27) and months (2026-11) read as they are.
 */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`;
  return /^\d{4}$/.test(period) ? `${period}年` : period;
}
