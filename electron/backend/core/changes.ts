import type { Stamper } from './clock';
import { raiseClockFloor, raiseSteppedVersion } from './clock-floor';
import type { Actor, TerminalIdentity } from './context';
import type { SyncColumns } from '../db/schema';
import type { Db } from '../db/queryable';
import { SYNC_RECORD_TABLES } from '@shared/sync/records-contract';
import { SCHEMA_VERSION } from '../db/migrations';

/**
 * Tables whose rows carry SyncColumns and travel to the hub; written only through synced-writes.ts.
 * The first ones travel on their own channels (reference editions, accounts); the records units
 * write are the contract's SYNC_RECORD_TABLES.
 */
export const SYNCED_TABLES = [
  'org_units',
  'terminals',
  'users',
  'service_items',
  'service_item_versions',
  'mediation_settings',
  'mediators',
  ...SYNC_RECORD_TABLES,
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

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

/**
 * Columns to set on an update of a row whose version was `baseVersion`; the new version, always after
 * the base, is also what the outbox entry carries.
 */
export function updateSyncColumns(
  stamp: ChangeStamp,
  baseVersion: string,
): Pick<SyncColumns, 'updated_at' | 'updated_by' | 'version'> {
  return {
    updated_at: stamp.stamper.nowIso(),
    updated_by: stamp.actor.userId,
    version: stamp.stamper.nextVersionAfter(baseVersion),
  };
}

/** Terminal-local security state never leaves the terminal, not even in the change log. */
const LOCAL_ONLY_COLUMNS: Partial<Record<SyncedTable, readonly string[]>> = {
  users: ['password_hash', 'failed_attempts', 'locked_until'],
};

/**
 * Columns that hold this terminal's own state of a row and travel nowhere, not even to the hub: a
 * write of only these is no change to the record, so it bypasses the change log and its version.
 */
export const TERMINAL_STATE_COLUMNS: Partial<Record<SyncedTable, readonly string[]>> = {
  users: ['failed_attempts', 'locked_until', 'last_sign_in_at'],
};

/** What every entry of one use case's transaction shares. */
interface TransactionMark {
  txId: string;
  epoch: string | null;
}

/**
 * Keyed by the Kysely transaction object, which lives exactly as long as the use case's transaction:
 * the hub applies all entries of a tx id together, so one id must never span two transactions.
 */
const transactionMarks = new WeakMap<Db, TransactionMark>();

/**
 * The epoch is read from the database once per transaction, not cached on the runtime: a restore
 * replaces it under a running backend (wt-epoch), and one primary-key read per use case is cheap.
 */
async function markOf(trx: Db, stamp: ChangeStamp): Promise<TransactionMark> {
  const known = transactionMarks.get(trx);
  if (known) return known;
  const state = await trx
    .selectFrom('sync_state')
    .select('epoch')
    .where('id', '=', 1)
    .executeTakeFirst();
  const mark = { txId: stamp.stamper.newId(), epoch: state?.epoch ?? null };
  // Outside a transaction every write is its own: the next one gets a new id.
  if (trx.isTransaction) transactionMarks.set(trx, mark);
  return mark;
}

/** The columns an update or tombstone changed, as its entry lists them; local-only ones stay out. */
function changedColumnsOf(table: SyncedTable, columns: readonly string[]): string[] {
  const local = LOCAL_ONLY_COLUMNS[table] ?? [];
  return [...new Set(columns)].filter((column) => !local.includes(column));
}

/**
 * Appends the change-log entry for a row already written in the same transaction, so that the change
 * and its entry commit or roll back together. The payload is the row as it now stands; changedColumns
 * names what the change set (null on insert: the whole row is new), so that the hub applies only
 * those and a writer that does not know a column never blanks it. The clock's floor follows the
 * clock in the same transaction, not the entry's version: an update's version may have stepped past
 * a base far ahead (Stamper.nextVersionAfter), and a floor raised to it would restart the clock there.
 * Such a version raises its own mark instead, so that it is never issued again.
 */
export async function recordChange(
  trx: Db,
  stamp: ChangeStamp,
  table: SyncedTable,
  op: 'insert' | 'update' | 'delete',
  recordId: string,
  baseVersion: string | null,
  changedColumns: readonly string[] | null,
): Promise<void> {
  const mark = await markOf(trx, stamp);
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
      tx_id: mark.txId,
      changed_columns: changedColumns
        ? JSON.stringify(changedColumnsOf(table, changedColumns))
        : null,
      schema_version: SCHEMA_VERSION,
      epoch: mark.epoch,
    })
    .execute();
  const position = stamp.stamper.position();
  await raiseClockFloor(trx, position);
  if (row.version > position) await raiseSteppedVersion(trx, row.version);
}
