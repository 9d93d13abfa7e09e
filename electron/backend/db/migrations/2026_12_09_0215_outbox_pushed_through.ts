import { sql, type Kysely } from 'kysely';

/** The tables the record push carries, as they were when this migration was written. */
const RECORD_TABLES = [
  'residents',
  'cases',
  'case_materials',
  'case_events',
  'ratings',
  'rating_followups',
  'attachments',
  'disputes',
  'dispute_parties',
  'dispute_readers',
  'dispute_mediators',
  'dispute_events',
  'mediation_sessions',
  'dispute_extensions',
  'dispute_agreements',
  'dispute_follow_ups',
  'event_reports',
];

/*
 * Frozen: what the hub has decided is kept per epoch as the highest seq decided (outbox_pushed),
 * one small write per answer, instead of pushed_at on every entry: stamping it rewrote each pushed
 * entry beside its kilobyte of payload, so a push cost grew with the log. An entry is pushed when
 * pushed_at is set (entries marked before this migration) or its seq is at most its epoch's mark.
 *
 * Carried over: each epoch's mark is the seq before its first record entry still waiting (or its
 * last entry when none waits), so what waited still waits and nothing pushed goes again. Entries
 * without an epoch (none is written since the epoch column came, but the column allows it) take the
 * current one, as the push already read them. The partial index of entries without pushed_at would
 * from now on hold every entry, a copy of the primary key: an index by epoch and seq takes its place.
 * outbox_unpushed_record stays: the look-up of a record's waiting entries (apply-page.ts) still goes
 * through it, which now holds every new entry of the record, a handful per record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const records = sql.join(RECORD_TABLES.map((table) => sql.lit(table)));
  await sql`UPDATE outbox SET epoch = (SELECT epoch FROM sync_state WHERE id = 1)
    WHERE epoch IS NULL`.execute(db);
  await sql`CREATE INDEX outbox_epoch_seq ON outbox(epoch, seq)`.execute(db);
  await sql`CREATE TABLE outbox_pushed (
    epoch TEXT PRIMARY KEY,
    through INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`INSERT INTO outbox_pushed (epoch, through)
    SELECT e.epoch, coalesce(
      (SELECT min(o.seq) - 1 FROM outbox o WHERE o.epoch = e.epoch AND o.pushed_at IS NULL
        AND o.table_name IN (${records})),
      (SELECT max(o.seq) FROM outbox o WHERE o.epoch = e.epoch), 0)
    FROM (SELECT epoch FROM outbox WHERE epoch IS NOT NULL UNION SELECT epoch FROM sync_state) e`.execute(
    db,
  );
  // After the marks, which find each epoch's first waiting entry on it.
  await sql`DROP INDEX outbox_unpushed`.execute(db);
}
