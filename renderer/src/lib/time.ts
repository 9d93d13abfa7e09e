import dayjs from 'dayjs';

/** Everything on screen is in Beijing time, whatever the PC's own time zone is. */
export const DISPLAY_ZONE = 'Asia/Shanghai';

/** 2026-11-27 14:05, the style of every table; a dash when there is no time. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(DISPLAY_ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

/** 2026-11-27: the Beijing date of a stored time, for tables that need no hour. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(DISPLAY_ZONE).format('YYYY-MM-DD') : '—';
}

/** 上午好 / 下午好 / 晚上好 by the hour in Beijing. */
export function greeting(now: Date): string {
  const hour = dayjs(now).tz(DISPLAY_ZONE).hour();
  if (hour < 5) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** Today in Beijing as 2026-11-27, the form every date field and the backend use. */
export function todayIso(now: Date = new Date()): string {
  return dayjs(now).tz(DISPLAY_ZONE).format('YYYY-MM-DD');
}
