import type { Stamper } from './clock';
import type { Actor, TerminalIdentity } from './context';
import type { SyncColumns } from '../db/schema';
import type { Db } from '../db/queryable';

/** Tables whose rows carry SyncColumns and travel to the hub. */
export type SyncedTable =
  | 'org_units'
  | 'terminals'
  | 'users'
  | 'service_items'
  | 'service_item_versions'
  | 'residents'
  | 'cases'
  | 'case_materials'
  | 'case_events'
  | 'ratings'
  | 'rating_followups'
  | 'attachments'
  | 'mediation_settings'
  | 'mediators'
  | 'disputes'
  | 'dispute_parties'
  | 'dispute_readers'
  | 'dispute_mediators'
  | 'dispute_events'
  | 'mediation_sessions'
  | 'dispute_extensions'
  | 'dispute_agreements'
  | 'dispute_follow_ups'
  | 'event_reports';

export interface ChangeStamp {
  stamper: Stamper;
  terminal: TerminalIdentity;
  actor: Actor;
}

/** The sync columns of a new record owned by orgUnitId. */
export function newSyncColumns(stamp: ChangeStamp, orgUnitId: string, id?: string): SyncColumns {
  const now = stamp.stamper.nowIso();
  return {
    id: id ?? stamp.stamper.newId(),
    org_unit_id: orgUnitId,
    created_at: now,
    created_by: stamp.actor.userId,
    updated_at: now,
    updated_by: stamp.actor.userId,
    origin_terminal_id: stamp.terminal.terminalId,
    version: stamp.stamper.nextVersion(),
    deleted_at: null,
  };
}

/** Columns to set on an update; the new version is also what the outbox entry carries. */
export function updateSyncColumns(
  stamp: ChangeStamp,
): Pick<SyncColumns, 'updated_at' | 'updated_by' | 'version'> {
  return {
    updated_at: stamp.stamper.nowIso(),
    updated_by: stamp.actor.userId,
    version: stamp.stamper.nextVersion(),
  };
}

/** Terminal-local security state never leaves the terminal, not even in the change log. */
const LOCAL_ONLY_COLUMNS: Partial<Record<SyncedTable, readonly string[]>> = {
  users: ['password_hash', 'failed_attempts', 'locked_until'],
};

/**
 * Appends the change-log entry for a row already written in the same transaction, so that the change
 * and its entry commit or roll back together. The payload is the row as it now stands.
 */
export async function recordChange(
  trx: Db,
  table: SyncedTable,
  op: 'insert' | 'update' | 'delete',
  recordId: string,
  baseVersion: string | null,
): Promise<void> {
  const row = await trx
    .selectFrom(table)
    .selectAll()
    .where('id', '=', recordId)
    .executeTakeFirstOrThrow();
  const payload: Record<string, unknown> = { ...row };
  for (const column of LOCAL_ONLY_COLUMNS[table] ?? []) delete payload[column];
  await trx
    .insertInto('outbox')
    .values({
      table_name: table,
      record_id: recordId,
      op,
      payload: JSON.stringify(payload),
      base_version: baseVersion,
      version: row.version,
      org_unit_id: row.org_unit_id,
      created_at: row.updated_at,
      pushed_at: null,
    })
    .execute();
}
