import type { Insertable, Transaction, Updateable } from 'kysely';
import {
  newSyncColumns,
  recordChange,
  updateSyncColumns,
  type ChangeStamp,
  type SyncedTable,
} from './changes';
import type { Database, SyncColumns } from '../db/schema';

type Trx = Transaction<Database>;
type Row<T extends SyncedTable> = Omit<Insertable<Database[T]>, keyof SyncColumns>;

interface InsertOptions {
  /**
   * The new row's id when it had to be chosen before the insert: a row that names it first (an item
   * its current version), or an id the caller hands on (the set-up's terminal and administrator).
   */
  id?: string | undefined;
}

/**
 * Every write of a synced row goes through these three: the row's sync columns (id, version, origin)
 * and its change-log entry are written in the caller's transaction, so the sync can trust that
 * each committed change has its outbox entry. Kysely cannot type a table chosen at run time, hence
 * the casts inside these three helpers only.
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
  await recordChange(trx, table, 'insert', columns.id, null);
  return columns.id;
}

export async function updateSynced<T extends SyncedTable>(
  trx: Trx,
  stamp: ChangeStamp,
  table: T,
  row: { id: string; version: string },
  set: Updateable<Database[T]>,
): Promise<void> {
  await trx
    .updateTable(table as 'disputes')
    .set({ ...set, ...updateSyncColumns(stamp) } as never)
    .where('id', '=', row.id)
    .execute();
  await recordChange(trx, table, 'update', row.id, row.version);
}

export async function tombstoneSynced(
  trx: Trx,
  stamp: ChangeStamp,
  table: SyncedTable,
  row: { id: string; version: string },
): Promise<void> {
  await trx
    .updateTable(table as 'disputes')
    .set({ deleted_at: stamp.stamper.nowIso(), ...updateSyncColumns(stamp) })
    .where('id', '=', row.id)
    .execute();
  await recordChange(trx, table, 'delete', row.id, row.version);
}
