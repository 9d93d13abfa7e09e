import { sql, type Kysely } from 'kysely';

/*
 * Frozen: pulled records waiting for a record they refer to. The hub's feed is in change order, so a
 * page may end between a case's material and the case itself (updated later, hence further on), or
 * a record may name a unit or item this terminal has not received yet. Such a record is kept here,
 * as pulled, and applied by the page that brings what it refers to; the cursor moves on meanwhile.
 * Terminal-local.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sync_pull_held (
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version TEXT NOT NULL,
    record TEXT NOT NULL,
    held_at TEXT NOT NULL,
    PRIMARY KEY (table_name, record_id)
  ) STRICT`.execute(db);
}
