import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * A pull of one digest bucket (the last hex digit of the record id, records-contract.ts
 * recordBucket) walks the unit's feed rows of that bucket in feed order, instead of every row of
 * the unit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX sync_feed_unit_bucket
    ON sync_feed (county_code, unit_id, (right(record_id, 1)), seq, table_name, record_id)`.execute(
    db,
  );
}
