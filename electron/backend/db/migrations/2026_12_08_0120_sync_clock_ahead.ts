import { sql, type Kysely } from 'kysely';

/*
 * Frozen: how far this PC's clock was ahead of the county hub's when the hub last flagged a change
 * of it as far ahead (issue 15), so that the terminal tells its user to set the clock right.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sync_state ADD COLUMN clock_ahead_ms INTEGER`.execute(db);
}
