import type { Settings } from '@shared/api';
import { appendAudit } from '../audit/service';
import type { CallContext, TerminalSettings } from '../core/runtime';
import { DEFAULT_SETTINGS } from '../core/runtime';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { getSettings, putSetting } from './repository';

function intOr(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export async function loadTerminalSettings(db: Kysely<Database>): Promise<TerminalSettings> {
  const stored = await getSettings(db);
  return {
    idleLockMinutes: intOr(stored.idle_lock_minutes, DEFAULT_SETTINGS.idleLockMinutes),
    backupRetentionDays: intOr(stored.backup_retention_days, DEFAULT_SETTINGS.backupRetentionDays),
  };
}

export async function updateSettings(ctx: CallContext, next: Settings): Promise<Settings> {
  const before = ctx.rt.settings;
  await ctx.rt.db.transaction().execute(async (trx) => {
    await putSetting(trx, 'idle_lock_minutes', String(next.idleLockMinutes));
    await putSetting(trx, 'backup_retention_days', String(next.backupRetentionDays));
    await appendAudit(
      trx,
      ctx.rt.stamper.nowIso(),
      ctx.actor,
      ctx.rt.terminal?.terminalId ?? null,
      {
        action: 'settings.update',
        objectType: 'settings',
        detail: `空闲锁屏 ${before.idleLockMinutes}→${next.idleLockMinutes} 分钟；备份保留 ${before.backupRetentionDays}→${next.backupRetentionDays} 天`,
      },
    );
  });
  ctx.rt.settings = { ...next };
  return next;
}
