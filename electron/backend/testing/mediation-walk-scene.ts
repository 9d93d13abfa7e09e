import type { Kysely } from 'kysely';
import type { Database, DisputesTable, SyncColumns } from '../db/schema';
import { NOT_YET_CONCLUDED } from '../mediation/register/register';

/**
 * Rows for the tests of the dispute list's walks, written straight into a plan probe's database:
 * a township T, its villages V1 and V2, and a unit C outside the scope, which V1 passes cases up to
 * and still reads. Each test file picks the disputes' particulars that its walk depends on.
 */

const AT = '2026-01-01T00:00:00.000Z';

export function syncColumns(id: string, orgUnitId: string, deleted = false): SyncColumns {
  return {
    id,
    org_unit_id: orgUnitId,
    created_at: AT,
    created_by: null,
    updated_at: AT,
    updated_by: null,
    origin_terminal_id: 'terminal',
    version: `${AT}-0000-terminal`,
    deleted_at: deleted ? '2026-11-01T00:00:00.000Z' : null,
  };
}

export async function insertWalkUnits(db: Kysely<Database>): Promise<void> {
  for (const [id, parent] of [
    ['T', null],
    ['V1', 'T'],
    ['V2', 'T'],
    ['C', null],
  ] as const) {
    await db
      .insertInto('org_units')
      .values({ ...syncColumns(id, id), code: id, name: id, level: 'township', parent_id: parent })
      .execute();
  }
}

/** What a walk test chooses of a dispute; the rest is what a case just registered has. */
export type WalkDispute = Pick<
  DisputesTable,
  | 'case_no'
  | 'registered_org_id'
  | 'case_year'
  | 'case_seq'
  | 'state'
  | 'type'
  | 'risk_level'
  | 'party_names'
  | 'registered_on'
  | 'due_date'
>;

export function disputeRow(sync: SyncColumns, chosen: WalkDispute): DisputesTable {
  return {
    ...sync,
    official_no: null,
    case_terminal: '01',
    source: 'application',
    transfer_origin: null,
    summary: '纠纷',
    occurred_on: null,
    place: null,
    amount_fen: null,
    people_involved: null,
    accepted_on: chosen.registered_on,
    clock_start_on: chosen.registered_on,
    ...NOT_YET_CONCLUDED,
    ...chosen,
  };
}

/** A dispute registered at V1 and owned elsewhere (passed up to C) is read by V1. */
export async function insertWalkDispute(
  db: Kysely<Database>,
  row: DisputesTable,
  readerId: string,
): Promise<void> {
  await db.insertInto('disputes').values(row).execute();
  if (row.registered_org_id !== row.org_unit_id) {
    await db
      .insertInto('dispute_readers')
      .values({ ...syncColumns(readerId, 'V1'), dispute_id: row.id, reader_org_id: 'V1' })
      .execute();
  }
}
