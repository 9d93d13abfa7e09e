import { sql, type Kysely } from 'kysely';

/*
 * Frozen: a search that matches thousands of cases is paged by reading the cases newest first and
 * testing each. Walked unit by unit, each village in scope was read to its end when a word was rare
 * in it, beside the township's own walk; one walk across the units, with the unit in the index entry
 * for the scope test, reads until the page is full.
 * Partial on live rows like the other list indexes; queries must spell `deleted_at IS NULL` literally.
 */
const statements = [
  `CREATE INDEX cases_live_created ON cases(created_at, org_unit_id) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
