import { sql, type Kysely } from 'kysely';

/*
 * Frozen: a pulled record asks whether the record has changes here that are not pushed yet (their
 * columns stay as they are here); one probe per pulled record, instead of a scan of the unpushed
 * entries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX outbox_pending_record ON outbox(table_name, record_id)
    WHERE pushed_at IS NULL`.execute(db);
}
