import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * Two-way sync of the records units write (issue 15; shared/sync/records-contract.ts). Keyed by
 * county first, like every hub table (upstream/README.md, "Built to shard").
 */
const statements = [
  // One row per county: a push takes the row's lock while it numbers its changes, so change numbers
  // commit in order and a pull cursor never skips a change that commits later with a smaller number.
  `CREATE TABLE sync_sequences (
     county_code text NOT NULL REFERENCES counties (county_code),
     last_seq bigint NOT NULL,
     PRIMARY KEY (county_code)
   )`,
  // Exactly once: the last seq decided per terminal and epoch, written with the entries' effects.
  `CREATE TABLE sync_terminal_progress (
     county_code text NOT NULL,
     terminal_id text NOT NULL,
     epoch text NOT NULL,
     last_seq bigint NOT NULL,
     updated_at timestamptz NOT NULL,
     PRIMARY KEY (county_code, terminal_id, epoch),
     FOREIGN KEY (county_code, terminal_id) REFERENCES terminals (county_code, id)
   )`,
  // Every record as it stands now. field_versions maps each column to the version that last set it,
  // so that concurrent edits of different columns merge and the same column edited twice from one
  // base is seen.
  `CREATE TABLE sync_records (
     county_code text NOT NULL,
     table_name text NOT NULL,
     record_id text NOT NULL,
     org_unit_id text NOT NULL,
     root_table text NOT NULL,
     root_id text NOT NULL,
     version text NOT NULL,
     columns jsonb NOT NULL,
     field_versions jsonb NOT NULL,
     deleted boolean NOT NULL,
     change_seq bigint NOT NULL,
     origin_terminal_id text NOT NULL,
     updated_at timestamptz NOT NULL,
     PRIMARY KEY (county_code, table_name, record_id)
   )`,
  `CREATE INDEX sync_records_root ON sync_records (county_code, root_id)`,
  // Which units see a root (a case, dispute, resident or event report) and why: its owner, the unit
  // it was handed or escalated to, a unit that keeps read access.
  `CREATE TABLE sync_visibility (
     county_code text NOT NULL,
     root_id text NOT NULL,
     unit_id text NOT NULL,
     access text NOT NULL CHECK (access IN ('owner', 'addressee', 'reader')),
     PRIMARY KEY (county_code, root_id, unit_id)
   )`,
  `CREATE INDEX sync_visibility_unit ON sync_visibility (county_code, unit_id)`,
  // Per unit, one row per record it sees, renumbered on each change: a pull is a range scan of the
  // unit's rows after its cursor, and a hand-off adds the whole case to the new unit's feed at once.
  `CREATE TABLE sync_feed (
     county_code text NOT NULL,
     unit_id text NOT NULL,
     table_name text NOT NULL,
     record_id text NOT NULL,
     seq bigint NOT NULL,
     PRIMARY KEY (county_code, unit_id, table_name, record_id)
   )`,
  `CREATE UNIQUE INDEX sync_feed_unit_seq ON sync_feed (county_code, unit_id, seq, table_name, record_id)`,
  // Refused entries, kept so that a repeated push answers the same and the county can see them.
  `CREATE TABLE sync_rejections (
     county_code text NOT NULL,
     terminal_id text NOT NULL,
     epoch text NOT NULL,
     seq bigint NOT NULL,
     table_name text NOT NULL,
     record_id text NOT NULL,
     code text NOT NULL,
     message text NOT NULL,
     rejected_at timestamptz NOT NULL,
     PRIMARY KEY (county_code, terminal_id, epoch, seq)
   )`,
  // The same column changed from the same base at two terminals: the first to arrive stays in the
  // record, the other is kept here, and a person of the owning unit chooses (同步冲突).
  `CREATE TABLE sync_conflicts (
     county_code text NOT NULL,
     id text NOT NULL,
     table_name text NOT NULL,
     record_id text NOT NULL,
     org_unit_id text NOT NULL,
     column_name text NOT NULL,
     base_version text,
     kept_value jsonb,
     kept_version text NOT NULL,
     kept_terminal_id text NOT NULL,
     kept_by text,
     kept_at timestamptz NOT NULL,
     other_value jsonb,
     other_version text NOT NULL,
     other_terminal_id text NOT NULL,
     other_by text,
     other_at timestamptz NOT NULL,
     opened_at timestamptz NOT NULL,
     resolved_at timestamptz,
     resolved_by text,
     resolved_value jsonb,
     PRIMARY KEY (county_code, id)
   )`,
  `CREATE INDEX sync_conflicts_open ON sync_conflicts (county_code, org_unit_id)
     WHERE resolved_at IS NULL`,
  `CREATE INDEX sync_rejections_record ON sync_rejections (county_code, terminal_id, table_name, record_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
