import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the case list sorted by 移交时间 (the 待接收 inbox, the case waiting longest on top) reads
 * a page in index order, as the other sorts do, instead of sorting every case in scope. Partial on
 * live rows like the other list indexes; queries must spell `deleted_at IS NULL` literally.
 */
const statements = [
  `CREATE INDEX cases_live_org_handed_over ON cases(org_unit_id, handed_over_at)
    WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
