import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the highest version an update stepped to past a base far ahead of this terminal's clock,
 * apart from the clock's floor, so that the terminal never issues such a version twice (after a
 * restore the hub would take the second for a copy of the first). Seeded from the outbox: its newest
 * version is at most such a step or the clock's own, and stepping past the clock's own is harmless.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sync_state ADD COLUMN stepped_version TEXT`.execute(db);
  await sql`UPDATE sync_state SET stepped_version = (SELECT max(version) FROM outbox)`.execute(db);
}
