import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Backup } from '@shared/api';

export type BackupReason = Backup['reason'];

const NAME_PATTERN = /^desk-(\d{8}T\d{6}\d{3}Z)-(daily|manual|pre-migration|pre-restore)\.sqlite$/;

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function stampOf(iso: string): string {
  return iso.replace(/[-:.]/g, '');
}

function isoOf(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  if (!m) return stamp;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/** SQLite's online backup: a consistent copy while the app keeps writing. */
export async function createBackup(
  sqlite: BetterSqlite3.Database,
  dataDir: string,
  reason: BackupReason,
  nowIso: string,
): Promise<Backup> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const name = `desk-${stampOf(nowIso)}-${reason}.sqlite`;
  const file = join(dir, name);
  await sqlite.backup(file);
  return { name, createdAt: nowIso, sizeBytes: statSync(file).size, reason };
}

export function listBackups(dataDir: string): Backup[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const backups: Backup[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME_PATTERN.exec(name);
    if (!m) continue;
    backups.push({
      name,
      createdAt: isoOf(m[1]!),
      sizeBytes: statSync(join(dir, name)).size,
      reason: m[2] as BackupReason,
    });
  }
  return backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** Resolves a backup the person chose by name; names outside the list are refused (no path tricks). */
export function backupPath(dataDir: string, name: string): string | null {
  if (!NAME_PATTERN.test(name)) return null;
  const file = join(backupDir(dataDir), name);
  return existsSync(file) ? file : null;
}

/** Keeps `retentionDays` of backups, but never deletes the newest one. */
export function pruneBackups(dataDir: string, retentionDays: number, nowMs: number): string[] {
  const backups = listBackups(dataDir);
  const cutoff = nowMs - retentionDays * 24 * 60 * 60 * 1000;
  const removed: string[] = [];
  for (const backup of backups.slice(1)) {
    if (Date.parse(backup.createdAt) < cutoff) {
      rmSync(join(backupDir(dataDir), backup.name), { force: true });
      removed.push(backup.name);
    }
  }
  return removed;
}

export function lastBackupAt(dataDir: string): string | null {
  return listBackups(dataDir)[0]?.createdAt ?? null;
}
