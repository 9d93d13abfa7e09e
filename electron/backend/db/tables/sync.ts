import type { Generated } from 'kysely';

// The columns every synced row carries and the change log that carries them to the hub (docs/data.md).

/** Columns every synced business record carries (docs/data.md, "Sync columns"). */
export interface SyncColumns {
  /** UUIDv7. */
  id: string;
  org_unit_id: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  origin_terminal_id: string;
  /** Hybrid logical clock of the last change, shared/sync/hlc formatHlc. */
  version: string;
  deleted_at: string | null;
}

/** The change log that sync pushes in seq order; written in the same transaction as the change. */
export interface OutboxTable {
  seq: Generated<number>;
  table_name: string;
  record_id: string;
  op: 'insert' | 'update' | 'delete';
  /** The record as JSON after the change. */
  payload: string;
  /** The record's version before the change, for conflict detection at the hub; null on insert. */
  base_version: string | null;
  version: string;
  org_unit_id: string;
  created_at: string;
  /**
   * Set on entries the hub decided before outbox_pushed: since then an entry is pushed when its
   * seq is at most its epoch's mark there (core/pushed-through.ts), and this stays null.
   */
  pushed_at: string | null;
  /** One use case's transaction; the hub applies its entries all or nothing. Null before issue 15. */
  tx_id: string | null;
  /** JSON array of the columns the change set; null: the payload is the whole row. */
  changed_columns: string | null;
  /** The number of migrations applied when the entry was written. */
  schema_version: number | null;
  /** The terminal epoch the seq was numbered in (sync_state.epoch at the time). */
  epoch: string | null;
}

/**
 * Per epoch, the highest seq the hub has decided and this terminal recorded: every record entry of
 * the epoch up to it is pushed. Terminal-local.
 */
export interface OutboxPushedTable {
  epoch: string;
  through: number;
}

/** The terminal's sync bookkeeping, one row (id = 1); terminal-local. */
export interface SyncStateTable {
  id: number;
  /** UUID; replaced whenever the database is restored or replaced, so (terminal, epoch, seq) never repeats. */
  epoch: string;
  epoch_started_at: string;
  /** The highest version this terminal ever issued or saw; the clock never goes below it. */
  clock_floor: string | null;
  /** The highest version an update stepped to past a base ahead of the clock; never issued again. */
  stepped_version: string | null;
  pull_cursor: string | null;
  last_push_at: string | null;
  last_pull_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  /**
   * How far this PC's clock was ahead of the hub's when the hub last flagged a change as far ahead;
   * null once the clocks agree again (hub/clock-ahead.ts).
   */
  clock_ahead_ms: number | null;
}

/** An outbox entry the hub refused, kept until a person settles it (同步问题). */
export interface SyncProblemsTable {
  seq: number;
  epoch: string;
  table_name: string;
  record_id: string;
  code: string;
  message: string;
  reported_at: string;
  settled_at: string | null;
  settled_by: string | null;
}

/** A pulled record waiting for a record it refers to (hub/pull/hold-back.ts); terminal-local. */
export interface SyncPullHeldTable {
  table_name: string;
  record_id: string;
  version: string;
  /** The PulledRecord as JSON. */
  record: string;
  held_at: string;
}
