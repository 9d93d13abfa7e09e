import { sql, type Kysely } from 'kysely';

/*
 * Frozen: indexes for the dispute list at ten years of disputes. Each unit's page is read in index
 * order, by registration date, 调解期限 or 案号, instead of sorting every dispute in scope; open
 * states through their own index. Partial on live rows, so that the list's total counts index
 * entries only. Queries must spell `deleted_at IS NULL` literally.
 */
const statements = [
  `CREATE INDEX disputes_live_org_registered ON disputes(org_unit_id, registered_on)
    WHERE deleted_at IS NULL`,
  `CREATE INDEX disputes_live_org_due ON disputes(org_unit_id, due_date) WHERE deleted_at IS NULL`,
  `CREATE INDEX disputes_live_org_case_no ON disputes(org_unit_id, case_year, case_seq)
    WHERE deleted_at IS NULL`,
  `CREATE INDEX disputes_live_org_state_due ON disputes(org_unit_id, state, due_date)
    WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
