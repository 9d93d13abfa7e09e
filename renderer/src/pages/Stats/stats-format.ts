/** 66.7%, or a dash when there was nothing to divide by. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** The columns shared by the item and period tables and charts, in the order. */
export const COUNT_SERIES = [
  { name: 'takenIn', label: '收件', color: 'blue.6' },
  { name: 'completed', label: '办结', color: 'teal.6' },
  { name: 'overdue', label: '超期', color: 'red.6' },
  { name: 'supplement', label: '补正', color: 'orange.5' },
  { name: 'rejected', label: '不予受理', color: 'gray.6' },
] as const;

/** The legend in the series' order (收件 first), not recharts' alphabetical one. */
export const LEGEND_PROPS = { verticalAlign: 'bottom', itemSorter: null } as const;
