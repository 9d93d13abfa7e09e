import dayjs from 'dayjs';
import { DISPLAY_ZONE } from '../../lib/time';

/** The months picked, as the contract's first and last day. */
interface StatsRange {
  /** 'YYYY-MM-DD', the first of the first month. */
  from: string;
  /** 'YYYY-MM-DD', the last day of the last month. */
  to: string;
}

/** This month in Beijing, 'YYYY-MM'. */
export function currentMonth(now: Date = new Date()): string {
  return dayjs(now).tz(DISPLAY_ZONE).format('YYYY-MM');
}

/** The months from 'YYYY-MM' to 'YYYY-MM', both included. */
export function rangeOfMonths(first: string, last: string): StatsRange {
  const lastDay = dayjs(`${last}-01`).endOf('month').format('YYYY-MM-DD');
  return { from: `${first}-01`, to: lastDay };
}

/** January to this month: what a committee usually looks at. */
export function yearToDate(now: Date = new Date()): StatsRange {
  const month = currentMonth(now);
  return rangeOfMonths(`${month.slice(0, 4)}-01`, month);
}
