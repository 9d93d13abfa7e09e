import dayjs from 'dayjs';
import { DISPLAY_ZONE } from '../lib/time';

/**
 * 2026年11月27日, the way dates are written on official paper. A plain date (2026-11-27) is taken as
 * it is; an instant is read in Beijing time.
 */
export function formatPaperDate(value: string | null | undefined): string {
  if (!value) return '    年  月  日';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : dayjs(value).tz(DISPLAY_ZONE);
  return `${date.year()}年${date.month() + 1}月${date.date()}日`;
}
