/**
 * A PC clock set wrong, in words: the terminal tells its own user, the county centre's administrator
 * sees which terminal. Pure, so that the backend and the renderer say it alike.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** 约 3 天, 约 5 小时, 约 20 分钟: the largest unit that is at least one, rounded. */
export function roughDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY_MS) return `约 ${Math.round(abs / DAY_MS)} 天`;
  if (abs >= HOUR_MS) return `约 ${Math.round(abs / HOUR_MS)} 小时`;
  return `约 ${Math.max(1, Math.round(abs / MINUTE_MS))} 分钟`;
}

/** What the terminal tells its user while the hub finds its clock ahead. */
export function clockAheadWarning(aheadMs: number): string {
  return `本机时间与县级平台相差${roughDuration(aheadMs)}，请校准系统时间`;
}
