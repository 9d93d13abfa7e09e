import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * The digest check (GET /v1/sync/digest) starts from the roots the caller's unit sees. Without an
 * index by unit, PostgreSQL found them by reading the whole county: all of sync_visibility (a small
 * village's daily check cost 30-50 ms at 240,000 records) or all of sync_records (a township's, a
 * parallel sequential scan). With root_id in the key the unit's roots are an index-only range scan,
 * and the check costs what the unit sees (bench:hub-digest). A push pays one index entry for each
 * visibility row it creates (about 2 µs of PostgreSQL CPU and 190 bytes of WAL; two rows a new root
 * in a village's push), none for a record's later changes. Root_id is in the key, not read from the
 * table: a unit's rows are spread over the whole heap, arriving push by push among other units'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX sync_visibility_unit_root ON sync_visibility (county_code, unit_id, root_id)`.execute(
    db,
  );
}
