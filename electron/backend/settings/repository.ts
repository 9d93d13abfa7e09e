import type { Db } from '../db/queryable';

export type SettingKey =
  | 'terminal_id'
  | 'org_unit_id'
  | 'idle_lock_minutes'
  | 'backup_retention_days'
  | 'backup_keep_weeks'
  | 'backup_keep_months'
  | 'last_daily_backup_at'
  | 'counter_phone'
  /** Set once by a migration; the next start opens the keyed part of the audit chain. */
  | 'audit_chain_key_pending'
  /** The county hub this terminal joined (hub/repository.ts); the token is never here. */
  | 'hub_url'
  | 'hub_name'
  | 'hub_terminal_id'
  | 'hub_terminal_number'
  | 'hub_org_unit'
  | 'hub_county_code'
  | 'hub_joined_at'
  | 'hub_last_contact_at'
  | 'hub_revoked_at'
  /** The last reference-data sync cycle (hub/reference-sync.ts). */
  | 'hub_last_sync_at'
  | 'hub_last_sync_problem'
  /** A join made in the wizard whose administrator is not created yet. */
  | 'hub_pending_enrolment'
  /** The hub's account sequence up to which this terminal has applied its unit's accounts. */
  | 'hub_accounts_cursor'
  /** When this terminal last compared its records with the hub's digest (hub/pull/repair.ts). */
  | 'hub_records_digest_checked_at'
  /** When the 即办件 done at the window before they were handed out at once got their hand-out. */
  | 'on_spot_backlog_repaired_at';

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
