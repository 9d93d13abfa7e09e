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
  pushed_at: string | null;
}
