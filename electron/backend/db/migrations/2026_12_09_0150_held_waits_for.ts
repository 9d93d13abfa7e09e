import { sql, type Kysely } from 'kysely';

/*
 * Frozen: what a held pulled record waits for ('table/id' of its first missing parent; null for one
 * named by another column or held before this column), so that a page tries again only the held
 * records its own records release, not all of them (a first sync holds a thousand or more).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sync_pull_held ADD COLUMN waits_for TEXT`.execute(db);
  await sql`CREATE INDEX sync_pull_held_waits_for ON sync_pull_held(waits_for)`.execute(db);
}
