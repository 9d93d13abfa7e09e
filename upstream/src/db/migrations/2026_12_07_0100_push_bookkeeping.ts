import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * What the push endpoint keeps beside the record store (issue 15, item 2).
 */
const statements = [
  // A refusal blocks later entries of its record from that terminal until a person settles it on
  // the terminal, which says so on the next entry of the record (records-contract.ts, settlesRefusal).
  `ALTER TABLE sync_rejections ADD COLUMN settled_at timestamptz`,
  `CREATE INDEX sync_rejections_open ON sync_rejections (county_code, terminal_id)
     WHERE settled_at IS NULL`,
  // Versions stamped far ahead of the hub's clock (a PC clock set wrong): applied, and kept here so
  // that the county sees which terminal's clock to fix and a repeated push answers the same.
  `CREATE TABLE sync_clock_flags (
     county_code text NOT NULL,
     terminal_id text NOT NULL,
     epoch text NOT NULL,
     seq bigint NOT NULL,
     table_name text NOT NULL,
     record_id text NOT NULL,
     version text NOT NULL,
     ahead_ms bigint NOT NULL,
     flagged_at timestamptz NOT NULL,
     PRIMARY KEY (county_code, terminal_id, epoch, seq)
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
