import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the secondary indexes a first sync dropped to write its rows faster, each with the
 * statement that made it, recorded in the transaction that dropped it and deleted in the one that
 * builds it again, so that a process killed in between finds here what to rebuild (pull/
 * deferred-indexes.ts). Terminal-local.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sync_deferred_indexes (
    name TEXT PRIMARY KEY NOT NULL,
    table_name TEXT NOT NULL,
    sql TEXT NOT NULL,
    dropped_at TEXT NOT NULL
  ) STRICT`.execute(db);
}
