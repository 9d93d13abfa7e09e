import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * When the older record of a person is pushed second, the hub re-points the live cases and dispute
 * parties naming the newer one (sync/resident-merge.ts). They were found by reading every case and
 * party of the county and the resident id out of each one's columns; this index finds them by id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX sync_records_naming_resident ON sync_records
              (county_code, (columns ->> 'resident_id'))
              WHERE table_name IN ('cases', 'dispute_parties') AND NOT deleted`.execute(db);
}
