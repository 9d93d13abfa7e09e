import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the clock's floor no longer follows every outbox entry's version. An update of a row whose
 * version is far ahead (stamped by another PC a year fast) steps past that version without the
 * clock; a trigger that raised the floor to it started the clock a year ahead after every restart.
 * The write module now raises the floor to the clock's own position, in the entry's transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS outbox_raises_clock_floor`.execute(db);
}
