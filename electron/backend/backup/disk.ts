import { existsSync, statfsSync, statSync } from 'node:fs';

/** Free bytes where `dir` lives (what an unprivileged process may use). */
export type FreeBytes = (dir: string) => number;

export const freeBytesOf: FreeBytes = (dir) => {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
};

/** Headroom beyond the backup itself: the database grows while the counter works. */
const RESERVE_BYTES = 512 * 1024 * 1024;
/** A compressed copy is taken to be at most half the database (measured: about a third). */
const COMPRESSED_SHARE = 0.5;

/** The database with its WAL: what the online backup reads. */
export function databaseBytes(file: string): number {
  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  return size(file) + size(`${file}-wal`);
}

/** The uncompressed temporary copy and the compressed one exist side by side for a moment. */
export function bytesNeededForBackup(databaseSize: number): number {
  return Math.ceil(databaseSize * (1 + COMPRESSED_SHARE)) + RESERVE_BYTES;
}

export function formatBytes(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  return gb >= 1 ? `${gb.toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
}

/** Null when the disk holds two more backups' worth; else the warning shown in Chinese. */
export function lowDiskWarning(free: number, databaseSize: number): string | null {
  const need = bytesNeededForBackup(databaseSize);
  if (free >= 2 * need) return null;
  return `磁盘剩余空间不足：剩余 ${formatBytes(free)}，每日备份需要约 ${formatBytes(need)}。请清理磁盘或联系技术支持，以免备份中断`;
}
