import { sql, type Kysely } from 'kysely';

/*
 * Frozen: a village-level user sees the residents of its village (issue 11). Its lists and searches
 * are limited to the rowids of the village's live residents, read from this index in rowid order
 * rather than by reading all 300 000 rows. Partial on live rows like the other resident indexes;
 * queries must spell `deleted_at IS NULL` literally.
 */
const statements = [
  `CREATE INDEX residents_live_village ON residents(village_org_id) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
