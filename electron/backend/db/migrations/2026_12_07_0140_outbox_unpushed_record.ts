import { sql, type Kysely } from 'kysely';

/*
 * Frozen: a case or dispute shows 未同步 while a change of it waits to go up (issue 15). Only the
 * entries still to push are indexed, so the index stays as small as the queue.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX outbox_unpushed_record ON outbox(record_id) WHERE pushed_at IS NULL`.execute(
    db,
  );
}
