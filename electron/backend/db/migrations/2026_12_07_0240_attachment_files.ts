import { sql, type Kysely } from 'kysely';

/*
 * Frozen: where each attachment file stands with the county hub (issue 15, item 6). A file is
 * on_hub once the hub holds it whole and checked (uploaded from here, found there, or fetched from
 * there); the pusher holds back an attachment record whose file is not. fetch_queued_at marks a file
 * to fetch ahead of time (a case handed to this unit); last_error says why the last try failed.
 * Terminal-local: nothing here is synced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE attachment_files (
    sha256 TEXT PRIMARY KEY NOT NULL,
    on_hub_at TEXT,
    fetch_queued_at TEXT,
    last_error TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX attachment_files_queued ON attachment_files (fetch_queued_at)
    WHERE fetch_queued_at IS NOT NULL`.execute(db);
}
