import type { Db } from '../db/queryable';

type SettingKey =
  | 'terminal_id'
  | 'org_unit_id'
  | 'idle_lock_minutes'
  | 'backup_retention_days'
  | 'backup_keep_weeks'
  | 'backup_keep_months'
  | 'last_daily_backup_at'
  | 'counter_phone'
  /** Set once by a migration; the next start opens the keyed part of the audit chain. */
  | 'audit_chain_key_pending';

export async function getSetting(db: Db, key: SettingKey): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function getSettings(db: Db): Promise<Partial<Record<SettingKey, string>>> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

export async function putSetting(db: Db, key: SettingKey, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
