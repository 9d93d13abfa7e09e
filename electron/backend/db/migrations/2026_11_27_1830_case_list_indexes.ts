import { sql, type Kysely } from 'kysely';

/*
 * Frozen: indexes for the case lists at ten years of cases. The list totals count index entries
 * only: partial indexes on live rows hold every column the count needs, so that no tombstone check
 * reads the table. cases_agency_owner lets the list find, one seek per village, the agency cases
 * handed to a unit outside the caller's tree. Queries must spell `deleted_at IS NULL` literally.
 */
const statements = [
  `CREATE INDEX cases_live_org_created ON cases(org_unit_id, created_at) WHERE deleted_at IS NULL`,
  `CREATE INDEX cases_live_org_state_due ON cases(org_unit_id, state, due_date)
    WHERE deleted_at IS NULL`,
  `CREATE INDEX cases_live_org_item ON cases(org_unit_id, item_id, created_at)
    WHERE deleted_at IS NULL`,
  `CREATE INDEX cases_agency_owner ON cases(agency_org_id, org_unit_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
