import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Backup } from '@shared/api';
import { backupsToDelete, type RotationPolicy } from './rotation';

export type BackupReason = Backup['reason'];

/**
 * `.sqlite.gz`: written by the backup worker, verified before it got this name. `.sqlite`: the
 * uncompressed backups of earlier versions, listed only when their header says they are whole.
 */
const NAME_PATTERN =
  /^desk-(\d{8}T\d{6}\d{3}Z)-(daily|manual|pre-migration|pre-restore|pre-rematch)\.sqlite(\.gz)?$/;
/**
 * What a backup cut short leaves: the worker's temporary files (with SQLite's own beside the copy
 * while it is switched out of WAL), and an earlier version's journal.
 */
const LEFTOVER_PATTERN = /(\.tmp(-journal|-wal|-shm)?|\.sqlite-journal)$/;

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

export function backupName(reason: BackupReason, nowIso: string): string {
  return `desk-${stampOf(nowIso)}-${reason}.sqlite.gz`;
}

/**
 * An earlier version wrote backups straight under their name, so one cut short (the 660 MB file of
 * issue 11) looks like a backup. Its header says how many pages the whole file has; a rollback
 * journal beside it means SQLite never finished writing it.
 */
function isWholeDatabase(file: string, size: number): boolean {
  if (existsSync(`${file}-journal`) || size < 100) return false;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return false;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  return header.readUInt32BE(28) * pageSize === size;
}

export function listBackups(dataDir: string): Backup[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const backups: Backup[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME_PATTERN.exec(name);
    if (!m) continue;
    const file = join(dir, name);
    const sizeBytes = statSync(file).size;
    if (!m[3] && !isWholeDatabase(file, sizeBytes)) continue;
    backups.push({ name, createdAt: isoOf(m[1]!), sizeBytes, reason: m[2] as BackupReason });
  }
  return backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** Resolves a backup the person chose by name; names outside the list are refused (no path tricks). */
export function backupPath(dataDir: string, name: string): string | null {
  if (!NAME_PATTERN.test(name)) return null;
  return listBackups(dataDir).some((backup) => backup.name === name)
    ? join(backupDir(dataDir), name)
    : null;
}

/**
 * Removes what backups cut short left behind (power cut, quit, kill), and earlier versions' partial
 * uncompressed files. Runs at start, before any backup can be under way.
 */
export function clearLeftovers(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  // Decided for every file before any is removed: a journal tells that its database is partial.
  const partial = readdirSync(dir).filter((name) => {
    if (LEFTOVER_PATTERN.test(name)) return true;
    const m = NAME_PATTERN.exec(name);
    if (!m || m[3]) return false;
    const file = join(dir, name);
    return !isWholeDatabase(file, statSync(file).size);
  });
  for (const name of partial) rmSync(join(dir, name), { force: true });
  return partial;
}

/** Applies the rotation; the newest verified backup is never deleted. */
export function pruneBackups(dataDir: string, policy: RotationPolicy, nowMs: number): string[] {
  const removed = backupsToDelete(listBackups(dataDir), policy, nowMs);
  for (const name of removed) rmSync(join(backupDir(dataDir), name), { force: true });
  return removed;
}

export function lastBackupAt(dataDir: string): string | null {
  return listBackups(dataDir)[0]?.createdAt ?? null;
}

/** The bytes the backup folder holds, temporary files included. */
export function backupFolderBytes(dataDir: string): number {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}
