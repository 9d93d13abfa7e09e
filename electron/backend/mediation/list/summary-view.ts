import type { DisputeSummary } from '@shared/api/methods/mediation-views';
import { deadlineStatus } from '@shared/domain/mediation/clocks';
import type { DisputeState } from '@shared/domain/mediation/workflow';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { accessTo, type Caller, type DisputeAccess } from '../dispute/access';
import { summaryRows, type SummaryRow } from './disputes-repository';
import { readersOf } from '../dispute/readers-repository';

/** The one-month clock runs from acceptance until a conclusion, and stops while a case waits upstairs. */
export const CLOCK_STATES: readonly DisputeState[] = ['accepted', 'mediating'];

function deadlineOf(
  state: string,
  dueDate: string | null,
  today: string,
): DisputeSummary['deadline'] {
  if (!dueDate || !CLOCK_STATES.includes(state as DisputeState)) return 'none';
  return deadlineStatus(dueDate, today).status;
}

/** The list columns of a dispute; the case file starts from the same. */
export function toSummary(row: SummaryRow, access: DisputeAccess, today: string): DisputeSummary {
  return {
    id: row.id,
    caseNo: row.case_no,
    state: row.state as DisputeSummary['state'],
    type: row.type as DisputeSummary['type'],
    source: row.source as DisputeSummary['source'],
    riskLevel: row.risk_level,
    partyNames: row.party_names,
    summary: row.summary,
    registeredOn: row.registered_on,
    acceptedOn: row.accepted_on,
    dueDate: row.due_date,
    deadline: deadlineOf(row.state, row.due_date, today),
    outcome: row.outcome,
    concludedOn: row.concluded_on,
    ownerOrgId: row.org_unit_id,
    ownerOrgName: row.owner_name,
    ownerLevel: row.owner_level,
    leadMediatorName: row.lead_name,
    access,
  };
}

/** Summaries of the given disputes in the given order, leaving out any the caller may not read. */
export async function summariesOf(
  db: Kysely<Database>,
  caller: Caller,
  disputeIds: readonly string[],
  today: string,
): Promise<DisputeSummary[]> {
  const rows = new Map((await summaryRows(db, disputeIds)).map((row) => [row.id, row]));
  const readers = await readersOf(db, disputeIds);
  const summaries: DisputeSummary[] = [];
  for (const id of disputeIds) {
    const row = rows.get(id);
    if (!row) continue;
    const access = accessTo(caller, row.org_unit_id, readers.get(id) ?? []);
    if (access) summaries.push(toSummary(row, access, today));
  }
  return summaries;
}
