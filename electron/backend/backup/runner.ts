import type { Backup } from '@shared/api';
import { DomainError } from '../core/errors';
import { privateDir } from '../core/private-files';
import { backupDir, backupName, type BackupReason } from './backups';
import {
  bytesNeededForBackup,
  databaseBytes,
  formatBytes,
  freeBytesOf,
  lowDiskWarning,
  type FreeBytes,
} from './disk';
import { startJob, type RunningJob } from './worker';

interface BackupTarget {
  dataDir: string;
  /** The live database file; the worker opens it with a connection of its own. */
  databaseFile: string;
  nativeBinding: string | undefined;
  freeBytes?: FreeBytes;
}

/** Refuses, before anything is written, when the disk cannot hold the temporary and the final copy. */
function checkFreeSpace(target: BackupTarget): void {
  const dir = backupDir(target.dataDir);
  const need = bytesNeededForBackup(databaseBytes(target.databaseFile));
  const free = (target.freeBytes ?? freeBytesOf)(dir);
  if (free < need)
    throw new DomainError(
      'DISK_SPACE_LOW',
      `磁盘剩余空间不足（剩余 ${formatBytes(free)}，备份需要约 ${formatBytes(need)}），未能备份，已有的备份不受影响。请清理磁盘或联系技术支持`,
    );
}

function started(target: BackupTarget, reason: BackupReason, nowIso: string) {
  privateDir(backupDir(target.dataDir));
  checkFreeSpace(target);
  const name = backupName(reason, nowIso);
  const job = startJob(
    { kind: 'backup', source: target.databaseFile, dir: backupDir(target.dataDir), name },
    target.nativeBinding,
  );
  return { name, job };
}

async function finished(
  name: string,
  job: RunningJob,
  reason: BackupReason,
  nowIso: string,
): Promise<Backup> {
  const report = await job.result;
  if (report.ok) return { name, createdAt: nowIso, sizeBytes: report.sizeBytes, reason };
  if (report.stopped) throw new DomainError('BACKUP_FAILED', '备份已中止，已有的备份不受影响');
  throw new DomainError('BACKUP_FAILED', `备份未完成（${report.problem}），已有的备份不受影响`);
}

/** One backup, waited for: before migrations, when nothing else runs yet. */
export async function writeBackup(
  target: BackupTarget,
  reason: BackupReason,
  nowIso: string,
): Promise<Backup> {
  const { name, job } = started(target, reason, nowIso);
  return finished(name, job, reason, nowIso);
}

/** The backups of a running backend: one at a time, stoppable when the backend closes. */
export interface BackupRunner {
  run(reason: BackupReason, nowIso: string): Promise<Backup>;
  running(): boolean;
  /** Ends a running backup (its temporary files removed) and waits for it. */
  stop(): Promise<void>;
  /** Low disk, or why the last backup failed; null when all is well. */
  warning(): string | null;
  /** Kept for warning(); a later successful backup clears it. */
  recordFailure(message: string | null): void;
}

export function createBackupRunner(target: () => BackupTarget): BackupRunner {
  let current: RunningJob | null = null;
  let lastFailure: string | null = null;
  return {
    async run(reason, nowIso) {
      if (current) throw new DomainError('BACKUP_IN_PROGRESS', '正在备份，请等这次备份完成后再试');
      const { name, job } = started(target(), reason, nowIso);
      current = job;
      try {
        const backup = await finished(name, job, reason, nowIso);
        lastFailure = null;
        return backup;
      } finally {
        current = null;
      }
    },
    running: () => current !== null,
    async stop() {
      await current?.stop();
    },
    warning() {
      const { dataDir, databaseFile, freeBytes } = target();
      const low = lowDiskWarning((freeBytes ?? freeBytesOf)(dataDir), databaseBytes(databaseFile));
      return low ?? lastFailure;
    },
    recordFailure(message) {
      lastFailure = message;
    },
  };
}
