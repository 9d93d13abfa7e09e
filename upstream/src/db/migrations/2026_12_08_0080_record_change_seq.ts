import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * A record's change number lives in the feed only (sync_feed.seq, one per unit that sees it): the
 * push writes the records before it takes the county's numbers, so that the sequence row's lock,
 * which every push of the county waits for, is held over the feed rows alone. Nothing read the
 * record's own copy of the number; it is no longer written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sync_records ALTER COLUMN change_seq DROP NOT NULL`.execute(db);
}
