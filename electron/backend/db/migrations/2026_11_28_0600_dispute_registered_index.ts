import { sql, type Kysely } from 'kysely';

/*
 * Frozen: a search by a common surname (陈, 王) matches thousands of disputes; sorting them all for a
 * page read each one. Read instead newest first across all units, testing each dispute until the
 * page is full. Its entries end with the rowid, as the list's order does, so the walk needs no sort.
 * Partial on live rows like the other list indexes; queries must spell `deleted_at IS NULL` literally.
 */
const statements = [
  `CREATE INDEX disputes_live_registered ON disputes(registered_on) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
