import { BACKUP_ROTATION, type Backup } from '@shared/api';
import { appendAudit } from '../audit/service';
import { DomainError } from '../core/errors';
import type { CallContext, Runtime } from '../core/runtime';
import { getSetting, putSetting } from '../settings/service';
import { backupPath, listBackups, pruneBackups } from './backups';
import { databaseBytes } from './disk';

// What other domains use of this domain besides its use cases (docs/architecture.md, "Boundaries").
export { backupPath, lastBackupAt } from './backups';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function backupNow(ctx: CallContext): Promise<Backup> {
  const backup = await ctx.rt.backups.run('manual', ctx.rt.stamper.nowIso());
  await ctx.rt.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, ctx.rt.terminal?.terminalId ?? null, {
      action: 'backups.create',
      objectType: 'backup',
      objectId: backup.name,
    }),
  );
  return backup;
}

/** Takes the daily backup when the last one is a day old, then applies the rotation. */
export async function dailyBackupIfDue(rt: Runtime): Promise<Backup | null> {
  if (rt.damaged || rt.backups.running()) return null;
  const last = await getSetting(rt.db, 'last_daily_backup_at');
  const nowMs = rt.stamper.clock.now();
  if (last && nowMs - Date.parse(last) < DAY_MS) return null;
  let backup: Backup;
  try {
    backup = await rt.backups.run('daily', rt.stamper.nowIso());
  } catch (error) {
    if (error instanceof DomainError) rt.backups.recordFailure(`每日备份未完成：${error.message}`);
    throw error;
  }
  await putSetting(rt.db, 'last_daily_backup_at', backup.createdAt);
  pruneBackups(
    rt.dataDir,
    {
      days: rt.settings.backupRetentionDays,
      weeks: rt.settings.backupKeepWeeks,
      months: rt.settings.backupKeepMonths,
      budgetBytes: BACKUP_ROTATION.budgetShareOfDatabase * databaseBytes(rt.databaseFile),
    },
    nowMs,
  );
  return backup;
}

export function listAll(rt: Runtime): Backup[] {
  return listBackups(rt.dataDir);
}

export async function restoreBackup(ctx: CallContext, name: string): Promise<void> {
  if (!backupPath(ctx.rt.dataDir, name))
    throw new DomainError('BACKUP_NOT_FOUND', '找不到该备份文件');
  await ctx.rt.restore(name, ctx.actor);
}

/** Only while the database is damaged: nobody can sign in then. */
export function ensureDamaged(rt: Runtime): void {
  if (!rt.damaged)
    throw new DomainError('FORBIDDEN', '数据库正常，请登录后由系统管理员在“备份与恢复”中操作');
}
