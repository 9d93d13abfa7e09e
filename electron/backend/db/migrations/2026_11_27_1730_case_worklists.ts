import { sql, type Kysely } from 'kysely';

/*
 * Frozen: an index for the 工作台 list 待发证 (completed, not yet handed out). Completed cases pile up
 * over the years while the ones still to hand out stay few, so the list reads only those. The query
 * must spell the same WHERE terms, with literals, for SQLite to use a partial index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX cases_to_hand_out ON cases(org_unit_id, completed_at)
    WHERE state = 'completed' AND handed_out_at IS NULL`.execute(db);
}
