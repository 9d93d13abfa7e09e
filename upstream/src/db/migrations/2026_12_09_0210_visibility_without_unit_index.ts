import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * Every visibility row a push writes (two a record in bench:push: the unit and the one above it)
 * was entered in two indexes. No statement of the hub reads sync_visibility by unit alone: the
 * pull page, the digest, the conflicts list and the attachment check all join it on (root, unit),
 * its primary key. The index by (county_code, unit_id) only cost every push an entry per row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX sync_visibility_unit`.execute(db);
}
