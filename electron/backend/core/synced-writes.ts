import type { Insertable, Transaction, Updateable } from 'kysely';
import {
  newSyncColumns,
  recordChange,
  updateSyncColumns,
  type ChangeStamp,
  type SyncedTable,
} from './changes';
import { DomainError } from './errors';
import type { Database, SyncColumns } from '../db/schema';

type Trx = Transaction<Database>;
type Row<T extends SyncedTable> = Omit<Insertable<Database[T]>, keyof SyncColumns>;

/** The row as the use case read it: its version is the one the change is based on. */
export interface ReadRow {
  id: string;
  version: string;
}

export const VERSION_CONFLICT_MESSAGE = '该记录已被他人修改，请刷新后重试';

interface InsertOptions {
  /**
   * The new row's id when it had to be chosen before the insert: a row that names it first (an item
   * its current version), or an id the caller hands on (the set-up's terminal and administrator).
   */
  id?: string | undefined;
}

/**
 * Every write of a synced row goes through these: the row's sync columns (id, version, origin) and
 * its change-log entry are written in the caller's transaction, so the sync can trust that each
 * committed change has its outbox entry. Kysely cannot type a table chosen at run time, hence the
 * casts inside these helpers only. electron/backend/core/synced-writes-guard.test.ts fails on a write
 * around them.
 */
export async function insertSynced<T extends SyncedTable>(
  trx: Trx,
  stamp: ChangeStamp,
  table: T,
  orgUnitId: string,
  values: Row<T>,
  options: InsertOptions = {},
): Promise<string> {
  const columns = newSyncColumns(stamp, orgUnitId, options.id);
  await trx
    .insertInto(table as 'disputes')
    .values({ ...columns, ...values } as never)
    .execute();
  await recordChange(trx, stamp, table, 'insert', columns.id, null, null);
  return columns.id;
}

/**
 * Refuses a change based on a version that is no longer the row's: someone else (another use case
 * running beside this one, or a pulled change) wrote it after the caller read it.
 */
async function refuseStale(trx: Trx, table: SyncedTable, row: ReadRow): Promise<never> {
  const current = await trx
    .selectFrom(table as 'disputes')
    .select('version')
    .where('id', '=', row.id)
    .executeTakeFirst();
  if (!current) throw new DomainError('NOT_FOUND', '该记录已不存在，请刷新后重试');
  throw new DomainError('VERSION_CONFLICT', VERSION_CONFLICT_MESSAGE);
}

/**
 * For a use case that decides on a row it does not write (a dispute whose session is recorded, a
 * case whose materials arrive): the row must still be as the caller read it when the transaction
 * commits. SQLite runs one write transaction at a time, so the check holds until the commit.
 */
export async function ensureUnchanged(trx: Trx, table: SyncedTable, row: ReadRow): Promise<void> {
  const current = await trx
    .selectFrom(table as 'disputes')
    .select('version')
    .where('id', '=', row.id)
    .executeTakeFirst();
  if (current?.version !== row.version) await refuseStale(trx, table, row);
}

/**
 * Updates the row only if it still has the version the caller read (re-checked inside the
 * transaction, in the UPDATE itself), else refuses with VERSION_CONFLICT and the caller's
 * transaction rolls back whole.
 */
export async function updateSynced<T extends SyncedTable>(
  trx: Trx,
  stamp: ChangeStamp,
  table: T,
  row: ReadRow,
  set: Updateable<Database[T]>,
): Promise<void> {
  const written = await trx
    .updateTable(table as 'disputes')
    .set({ ...set, ...updateSyncColumns(stamp, row.version) } as never)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (written.numUpdatedRows === 0n) await refuseStale(trx, table, row);
  const changed = Object.entries(set)
    .filter(([, value]) => value !== undefined)
    .map(([column]) => column);
  await recordChange(trx, stamp, table, 'update', row.id, row.version, [
    ...changed,
    'updated_at',
    'updated_by',
    'version',
  ]);
}

export async function tombstoneSynced(
  trx: Trx,
  stamp: ChangeStamp,
  table: SyncedTable,
  row: ReadRow,
): Promise<void> {
  const written = await trx
    .updateTable(table as 'disputes')
    .set({ deleted_at: stamp.stamper.nowIso(), ...updateSyncColumns(stamp, row.version) })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (written.numUpdatedRows === 0n) await refuseStale(trx, table, row);
  await recordChange(trx, stamp, table, 'delete', row.id, row.version, [
    'deleted_at',
    'updated_at',
    'updated_by',
    'version',
  ]);
}
