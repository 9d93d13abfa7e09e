import { sql, type Kysely } from 'kysely';

/*
 * Frozen: a village-level user sees the residents of its village (issue 11). Its lists and searches
 * are limited to the rowids of the village's residents, read from this index alone (the rowid is in
 * every entry) rather than from 300 000 rows. Not partial: a partial index would make the query test
 * deleted_at on each row; the queries that use it test that on the rows they return.
 */
const statements = [`CREATE INDEX residents_village ON residents(village_org_id)`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
