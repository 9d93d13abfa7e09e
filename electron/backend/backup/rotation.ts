/** How many of the backups a terminal keeps: a daily/weekly/monthly rotation within a size budget. */
export interface RotationPolicy {
  /** Every backup of the last this many days. */
  days: number;
  /** Beyond those, the newest backup of each of the last this many weeks. */
  weeks: number;
  /** Beyond those, the newest backup of each of the last this many months. */
  months: number;
  /** The kept backups together stay within this many bytes; the newest are kept first. */
  budgetBytes: number;
}

export interface RotatedBackup {
  name: string;
  createdAt: string;
  sizeBytes: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days, weeks and months are the counter's, in Asia/Shanghai (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function shanghaiDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Weeks start on Monday; day 0 of the epoch (1970-01-01) was a Thursday. */
function shanghaiWeek(ms: number): number {
  return Math.floor((shanghaiDay(ms) + 3) / 7);
}

function shanghaiMonth(ms: number): number {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * The names to delete. The newest backup is always kept, whatever its size: it is the one a
 * restore needs most. The list holds only verified backups (a partial file never gets a backup name).
 */
export function backupsToDelete(
  backups: readonly RotatedBackup[],
  policy: RotationPolicy,
  nowMs: number,
): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const today = shanghaiDay(nowMs);
  const thisWeek = shanghaiWeek(nowMs);
  const thisMonth = shanghaiMonth(nowMs);
  const weeksSeen = new Set<number>();
  const monthsSeen = new Set<number>();
  const wanted = newestFirst.filter((backup, index) => {
    const ms = Date.parse(backup.createdAt);
    const week = shanghaiWeek(ms);
    const month = shanghaiMonth(ms);
    const firstOfWeek = !weeksSeen.has(week);
    const firstOfMonth = !monthsSeen.has(month);
    weeksSeen.add(week);
    monthsSeen.add(month);
    if (index === 0 || today - shanghaiDay(ms) < policy.days) return true;
    if (firstOfWeek && thisWeek - week < policy.weeks) return true;
    return firstOfMonth && thisMonth - month < policy.months;
  });
  const kept = new Set<string>();
  let bytes = 0;
  for (const [index, backup] of wanted.entries()) {
    if (index > 0 && bytes + backup.sizeBytes > policy.budgetBytes) break;
    bytes += backup.sizeBytes;
    kept.add(backup.name);
  }
  return newestFirst.filter((backup) => !kept.has(backup.name)).map((backup) => backup.name);
}
