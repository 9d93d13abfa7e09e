import type { Transaction, Updateable } from 'kysely';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import { appendAudit } from '../audit/service';
import type { ChangeStamp } from '../core/changes';
import { insertSynced, updateSynced } from '../core/synced-writes';
import type { CasesTable, Database } from '../db/schema';
import type { ChecklistRow } from './intake/checklist';
import { findCase, stateOf, type CaseMaterialRow, type CaseRow } from './repository';

type Trx = Transaction<Database>;

/**
 * The case's own writes, each through core/synced-writes.ts: the row and its outbox entry, in the
 * caller's transaction.
 */

export async function insertChecklist(
  trx: Trx,
  stamp: ChangeStamp,
  caseRow: Pick<CaseRow, 'id' | 'org_unit_id'>,
  rows: readonly ChecklistRow[],
): Promise<void> {
  for (const row of rows) {
    await insertSynced(trx, stamp, 'case_materials', caseRow.org_unit_id, {
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
    });
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
    await updateSynced(trx, stamp, 'case_materials', before, {
      status: row.status,
      copies_received: row.copiesReceived,
      note: row.note,
    });
  }
}

interface CaseEvent {
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
  await insertSynced(trx, stamp, 'case_events', caseRow.org_unit_id, {
    case_id: caseRow.id,
    at: stamp.stamper.nowIso(),
    actor_id: stamp.actor.userId,
    actor_name: event.actorName,
    action: event.action,
    from_state: event.from,
    to_state: event.to,
    note: event.note,
  });
}

/** Updates the case and returns it as it now stands, so that a second change bases on this one. */
export async function updateCase(
  trx: Trx,
  stamp: ChangeStamp,
  row: CaseRow,
  patch: Updateable<CasesTable>,
): Promise<CaseRow> {
  await updateSynced(trx, stamp, 'cases', row, patch);
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

/** The audit entry of a step on one case, in the step's transaction. */
export async function auditCase(
  trx: Trx,
  stamp: ChangeStamp,
  at: string,
  entry: { action: string; caseId: string; detail: string },
): Promise<void> {
  await appendAudit(trx, at, stamp.actor, stamp.terminal.terminalId, {
    action: entry.action,
    objectType: 'case',
    objectId: entry.caseId,
    detail: entry.detail,
  });
}
