import type { Transaction, Updateable } from 'kysely';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import { newSyncColumns, recordChange, updateSyncColumns, type ChangeStamp } from '../core/changes';
import type { CasesTable, Database } from '../db/schema';
import type { ChecklistRow } from './intake/checklist';
import { findCase, stateOf, type CaseMaterialRow, type CaseRow } from './repository';

type Trx = Transaction<Database>;

/** Each write below also appends its outbox entry, in the caller's transaction. */

export async function insertChecklist(
  trx: Trx,
  stamp: ChangeStamp,
  caseRow: Pick<CaseRow, 'id' | 'org_unit_id'>,
  rows: readonly ChecklistRow[],
): Promise<void> {
  for (const row of rows) {
    const columns = newSyncColumns(stamp, caseRow.org_unit_id);
    await trx
      .insertInto('case_materials')
      .values({
        ...columns,
        case_id: caseRow.id,
        position: row.position,
        name: row.name,
        form: row.form,
        copies: row.copies,
        required: row.required ? 1 : 0,
        condition: row.condition,
        source: row.source,
        status: row.status,
        copies_received: row.copiesReceived,
        note: row.note,
      })
      .execute();
    await recordChange(trx, 'case_materials', 'insert', columns.id, null);
  }
}

/** Writes only the materials whose mark changed. */
export async function updateChecklist(
  trx: Trx,
  stamp: ChangeStamp,
  stored: readonly CaseMaterialRow[],
  rows: readonly ChecklistRow[],
): Promise<void> {
  for (const row of rows) {
    const before = stored.find((material) => material.position === row.position);
    if (
      !before ||
      (before.status === row.status &&
        before.copies_received === row.copiesReceived &&
        before.note === row.note)
    ) {
      continue;
    }
    await trx
      .updateTable('case_materials')
      .set({
        status: row.status,
        copies_received: row.copiesReceived,
        note: row.note,
        ...updateSyncColumns(stamp),
      })
      .where('id', '=', before.id)
      .execute();
    await recordChange(trx, 'case_materials', 'update', before.id, before.version);
  }
}

export interface CaseEvent {
  action: string;
  from: CaseState | null;
  to: CaseState | null;
  note: string | null;
  actorName: string;
}

/** One timeline entry: who did what, when, from which state to which. */
export async function addEvent(
  trx: Trx,
  stamp: ChangeStamp,
  caseRow: Pick<CaseRow, 'id' | 'org_unit_id'>,
  event: CaseEvent,
): Promise<void> {
  const columns = newSyncColumns(stamp, caseRow.org_unit_id);
  await trx
    .insertInto('case_events')
    .values({
      ...columns,
      case_id: caseRow.id,
      at: columns.created_at,
      actor_id: stamp.actor.userId,
      actor_name: event.actorName,
      action: event.action,
      from_state: event.from,
      to_state: event.to,
      note: event.note,
    })
    .execute();
  await recordChange(trx, 'case_events', 'insert', columns.id, null);
}

/** Updates the case and returns it as it now stands, so that a second change bases on this one. */
export async function updateCase(
  trx: Trx,
  stamp: ChangeStamp,
  row: CaseRow,
  patch: Updateable<CasesTable>,
): Promise<CaseRow> {
  await trx
    .updateTable('cases')
    .set({ ...patch, ...updateSyncColumns(stamp) })
    .where('id', '=', row.id)
    .execute();
  await recordChange(trx, 'cases', 'update', row.id, row.version);
  const updated = await findCase(trx, row.id);
  if (!updated) throw new Error(`case vanished inside its transaction: ${row.id}`);
  return updated;
}

/** A state change with its timeline entry. */
export async function moveCase(
  trx: Trx,
  stamp: ChangeStamp,
  row: CaseRow,
  to: CaseState,
  event: Omit<CaseEvent, 'from' | 'to'>,
  patch: Updateable<CasesTable> = {},
): Promise<CaseRow> {
  const updated = await updateCase(trx, stamp, row, { ...patch, state: to });
  await addEvent(trx, stamp, updated, { ...event, from: stateOf(row), to });
  return updated;
}
