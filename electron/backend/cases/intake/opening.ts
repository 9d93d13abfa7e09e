import type { Transaction } from 'kysely';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import type { ChangeStamp } from '../../core/changes';
import { insertSynced } from '../../core/synced-writes';
import type { CasesTable, Database } from '../../db/schema';
import type { ChecklistRow } from './checklist';
import { nextCaseNumber, type Counter } from './numbering';
import { residentInitials } from '../../residents/search-index';
import { findCase, findCaseRowid, type CaseRow } from '../repository';
import { indexCaseForSearch } from './search-index';
import type { ItemVersion } from './sources';
import { addEvent, insertChecklist } from '../writes';

/** The columns that differ between a case taken in at the window and one filed by a village agent. */
type OpeningColumns = Pick<
  CasesTable,
  | 'channel'
  | 'agent_user_id'
  | 'agency_org_id'
  | 'agency_reason'
  | 'attorney_date'
  | 'handoff_due_date'
  | 'accepted_at'
  | 'accepted_date'
  | 'due_date'
  | 'reject_reason'
  | 'redirect_to'
  | 'counter_contact'
>;

interface Opening {
  orgUnitId: string;
  state: CaseState;
  today: string;
  counter: Counter;
  item: ItemVersion;
  resident: { id: string; name: string };
  checklist: readonly ChecklistRow[];
  columns: OpeningColumns;
  event: { action: string; note: string | null; actorName: string };
}

/**
 * Inserts a case with its number, its snapshot of the item version, its checklist, its search entry
 * and its first timeline entry, in the caller's transaction.
 */
export async function openNewCase(
  trx: Transaction<Database>,
  stamp: ChangeStamp,
  opening: Opening,
): Promise<CaseRow> {
  const caseNo = await nextCaseNumber(trx, opening.counter, opening.today);
  const id = await insertSynced(trx, stamp, 'cases', opening.orgUnitId, {
    ...opening.columns,
    case_no: caseNo,
    official_no: null,
    item_id: opening.item.itemId,
    item_version_id: opening.item.versionId,
    item_name: opening.item.name,
    item_type: opening.item.type,
    promised_days: opening.item.promisedDays,
    resident_id: opening.resident.id,
    applicant_name: opening.resident.name,
    applicant_initials: residentInitials(opening.resident.name),
    state: opening.state,
    handed_over_at: null,
    received_at: null,
    received_date: null,
    paused_since: null,
    paused_working_days: 0,
    completed_at: null,
    completed_date: null,
    handed_out_at: null,
    result_note: null,
    handler_id: null,
  });
  await indexCaseForSearch(trx, {
    rowid: await findCaseRowid(trx, id),
    caseNo,
    applicantName: opening.resident.name,
    itemName: opening.item.name,
  });
  const created = { id, org_unit_id: opening.orgUnitId };
  await insertChecklist(trx, stamp, created, opening.checklist);
  await addEvent(trx, stamp, created, { ...opening.event, from: null, to: opening.state });
  const row = await findCase(trx, id);
  if (!row) throw new Error(`case vanished inside its transaction: ${id}`);
  return row;
}
