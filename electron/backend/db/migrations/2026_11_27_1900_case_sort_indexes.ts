import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the case list sorted by 承诺办结日期 or by 受理编号 reads a page in index order, as the
 * default sort by date of intake does, instead of sorting every case in scope.
 */
const statements = [
  `CREATE INDEX cases_live_org_due ON cases(org_unit_id, due_date) WHERE deleted_at IS NULL`,
  `CREATE INDEX cases_live_org_case_no ON cases(org_unit_id, case_no) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
