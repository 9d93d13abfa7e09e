import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * Every feed row a push writes was entered in three indexes; the bucket index served only a pull
 * of one digest bucket, which runs when a terminal repairs a divergence. That pull now walks the
 * unit's rows in feed order on sync_feed_unit_seq and keeps the bucket's (an index-only scan that
 * reads 16 rows for each it returns), and every push writes one index entry less per feed row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX sync_feed_unit_bucket`.execute(db);
}
