import type { MethodParsedInput, Settings } from '@shared/api';
import { parsePhone } from '@shared/domain/contact/phone';
import { appendAudit } from '../audit/service';
import { DomainError } from '../core/errors';
import type { CallContext, TerminalSettings } from '../core/runtime';
import { DEFAULT_SETTINGS } from '../core/runtime';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { getSettings, putSetting } from './repository';

// What other domains use of this domain besides its use cases (docs/architecture.md, "Boundaries").
export { getSetting, getSettings, putSetting, type SettingKey } from './repository';

function intOr(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** Like intOr, but 0 is a value: no weekly or monthly backups. */
function countOr(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

export async function loadTerminalSettings(db: Kysely<Database>): Promise<TerminalSettings> {
  const stored = await getSettings(db);
  return {
    idleLockMinutes: intOr(stored.idle_lock_minutes, DEFAULT_SETTINGS.idleLockMinutes),
    backupRetentionDays: intOr(stored.backup_retention_days, DEFAULT_SETTINGS.backupRetentionDays),
    backupKeepWeeks: countOr(stored.backup_keep_weeks, DEFAULT_SETTINGS.backupKeepWeeks),
    backupKeepMonths: countOr(stored.backup_keep_months, DEFAULT_SETTINGS.backupKeepMonths),
    counterPhone: stored.counter_phone ?? DEFAULT_SETTINGS.counterPhone,
  };
}

/** The canonical form (0577-88881234, 13800138000), so the papers print it one way. */
export function checkedCounterPhone(phone: string): string {
  if (phone === '') return '';
  const parsed = parsePhone(phone);
  if (!parsed.ok) {
    throw new DomainError('PHONE_INVALID', parsed.error.message, {
      counterPhone: parsed.error.message,
    });
  }
  return parsed.value.number;
}

export async function updateSettings(
  ctx: CallContext,
  input: MethodParsedInput<'settings.update'>,
): Promise<Settings> {
  const before = ctx.rt.settings;
  const next: Settings = {
    ...input,
    backupKeepWeeks: input.backupKeepWeeks ?? before.backupKeepWeeks,
    backupKeepMonths: input.backupKeepMonths ?? before.backupKeepMonths,
    counterPhone:
      input.counterPhone === undefined
        ? before.counterPhone
        : checkedCounterPhone(input.counterPhone),
  };
  await ctx.rt.db.transaction().execute(async (trx) => {
    await putSetting(trx, 'idle_lock_minutes', String(next.idleLockMinutes));
    await putSetting(trx, 'backup_retention_days', String(next.backupRetentionDays));
    await putSetting(trx, 'backup_keep_weeks', String(next.backupKeepWeeks));
    await putSetting(trx, 'backup_keep_months', String(next.backupKeepMonths));
    await putSetting(trx, 'counter_phone', next.counterPhone);
    const phone =
      before.counterPhone === next.counterPhone
        ? ''
        : `；窗口电话 ${before.counterPhone || '未填'}→${next.counterPhone || '未填'}`;
    await appendAudit(
      trx,
      ctx.rt.stamper.nowIso(),
      ctx.actor,
      ctx.rt.terminal?.terminalId ?? null,
      {
        action: 'settings.update',
        objectType: 'settings',
        detail: `空闲锁屏 ${before.idleLockMinutes}→${next.idleLockMinutes} 分钟；备份保留 ${before.backupRetentionDays}→${next.backupRetentionDays} 天、每周 ${before.backupKeepWeeks}→${next.backupKeepWeeks} 份、每月 ${before.backupKeepMonths}→${next.backupKeepMonths} 份${phone}`,
      },
    );
  });
  ctx.rt.settings = { ...next };
  return next;
}
