import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the supervisor's 工作台 counts what was taken in, completed and rated per day and week.
 * Counted on these (unit, time) indexes alone, a range of days reads only its own index entries,
 * however many years the tables hold. Partial on live rows like the list indexes, and queries spell
 * `deleted_at IS NULL` literally; SQLite still reads the row to test that term unless the column is
 * in the index too (always null there, so it costs a byte), hence the trailing deleted_at. `bad`
 * rides along so that bad ratings are counted from the index.
 */
const statements = [
  `CREATE INDEX cases_live_org_created_count ON cases(org_unit_id, created_at, deleted_at)
    WHERE deleted_at IS NULL`,
  `CREATE INDEX cases_live_org_completed_count ON cases(org_unit_id, completed_at, deleted_at)
    WHERE deleted_at IS NULL`,
  `CREATE INDEX ratings_live_org_rated_count ON ratings(org_unit_id, rated_at, bad, deleted_at)
    WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
