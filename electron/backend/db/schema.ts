import type { Generated } from 'kysely';

/** Columns every synced business record carries (DESIGN.md, "Data"). */
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

export interface OrgUnitsTable extends Omit<SyncColumns, 'org_unit_id'> {
  /** The unit owns itself: org_unit_id is its own id, kept for uniformity of sync. */
  org_unit_id: string;
  code: string;
  name: string;
  level: 'county' | 'township' | 'village';
  parent_id: string | null;
}

export interface TerminalsTable extends SyncColumns {
  name: string;
  /** Two digits, unique within the org unit; part of case numbers. */
  number: string;
}

export interface UsersTable extends SyncColumns {
  username: string;
  display_name: string;
  role: 'admin' | 'supervisor' | 'clerk' | 'agent' | 'mediator' | 'auditor';
  /** scrypt$N$r$p$salt$hash, all base64. */
  password_hash: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  disabled_at: string | null;
  last_sign_in_at: string | null;
}

/** Append-only; each row's hash covers its content and the previous row's hash. */
export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  user_id: string | null;
  username: string | null;
  terminal_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  detail: string | null;
  prev_hash: string;
  hash: string;
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

/** Terminal-local key/value settings (identity of this terminal, idle lock, HLC state). */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  org_units: OrgUnitsTable;
  terminals: TerminalsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  settings: SettingsTable;
}
