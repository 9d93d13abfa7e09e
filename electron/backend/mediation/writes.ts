import type { Insertable, Transaction, Updateable } from 'kysely';
import { appendAudit } from '../audit/service';
import {
  newSyncColumns,
  recordChange,
  updateSyncColumns,
  type ChangeStamp,
  type SyncedTable,
} from '../core/changes';
import type { Database, SyncColumns } from '../db/schema';

type Trx = Transaction<Database>;
type Row<T extends SyncedTable> = Omit<Insertable<Database[T]>, keyof SyncColumns>;

/**
 * Insert, update and tombstone of synced rows, each with its change-log entry in the same transaction.
 * Kysely cannot type a table chosen at run time, hence the casts inside these three helpers only.
 */
export async function insertSynced<T extends SyncedTable>(
  trx: Trx,
  stamp: ChangeStamp,
  table: T,
  orgUnitId: string,
  values: Row<T>,
): Promise<string> {
  const columns = newSyncColumns(stamp, orgUnitId);
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

export interface DisputeEvent {
  action: string;
  fromState?: string | null;
  toState?: string | null;
  fromOrgId?: string | null;
  toOrgId?: string | null;
  note?: string | null;
}

/** The case file's own timeline, and the hash-chained audit entry, for one change to a dispute. */
export async function logDisputeChange(
  trx: Trx,
  stamp: ChangeStamp,
  dispute: { id: string; case_no: string; org_unit_id: string },
  actorName: string | null,
  event: DisputeEvent,
  auditAction: string,
): Promise<void> {
  const at = stamp.stamper.nowIso();
  await insertSynced(trx, stamp, 'dispute_events', event.toOrgId ?? dispute.org_unit_id, {
    dispute_id: dispute.id,
    at,
    actor_id: stamp.actor.userId,
    actor_name: actorName,
    action: event.action,
    from_state: event.fromState ?? null,
    to_state: event.toState ?? null,
    from_org_id: event.fromOrgId ?? null,
    to_org_id: event.toOrgId ?? null,
    note: event.note ?? null,
  });
  await appendAudit(trx, at, stamp.actor, stamp.terminal.terminalId, {
    action: auditAction,
    objectType: 'dispute',
    objectId: dispute.id,
    detail: event.note ? `${dispute.case_no}：${event.note}` : dispute.case_no,
  });
}
