import { sql, type Kysely } from 'kysely';

/*
 * Frozen: what the change log needs to sync (issue 15; shared/sync/records-contract.ts).
 *
 * An outbox entry now carries the use case's transaction id, the columns it changed (null for the
 * entries written before, which carry the whole row), the schema version that wrote it and the
 * terminal epoch it was numbered in. sync_state is the terminal's one row of sync bookkeeping: its
 * epoch (a new one whenever the database is restored or replaced, so that exactly-once keys never
 * repeat), the clock's floor (kept here, not derived from the outbox, which a push may prune), the
 * pull cursor and the last results. sync_problems holds each entry the hub refused, with its reason,
 * until a person settles it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE outbox ADD COLUMN tx_id TEXT`.execute(db);
  await sql`ALTER TABLE outbox ADD COLUMN changed_columns TEXT`.execute(db);
  await sql`ALTER TABLE outbox ADD COLUMN schema_version INTEGER`.execute(db);
  await sql`ALTER TABLE outbox ADD COLUMN epoch TEXT`.execute(db);
  await sql`CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    epoch TEXT NOT NULL,
    epoch_started_at TEXT NOT NULL,
    clock_floor TEXT,
    pull_cursor TEXT,
    last_push_at TEXT,
    last_pull_at TEXT,
    last_error_code TEXT,
    last_error_message TEXT
  ) STRICT`.execute(db);
  await sql`INSERT INTO sync_state (id, epoch, epoch_started_at, clock_floor)
    VALUES (1, lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
      substr(lower(hex(randomblob(2))), 2) || '-' ||
      substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' ||
      lower(hex(randomblob(6))),
      strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
      (SELECT max(version) FROM outbox))`.execute(db);
  await sql`UPDATE outbox SET epoch = (SELECT epoch FROM sync_state)`.execute(db);
  await sql`CREATE TABLE sync_problems (
    seq INTEGER PRIMARY KEY NOT NULL,
    epoch TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    settled_at TEXT,
    settled_by TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX sync_problems_record ON sync_problems(table_name, record_id)
    WHERE settled_at IS NULL`.execute(db);
}
