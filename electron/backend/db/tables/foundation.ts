import type { Generated } from 'kysely';
import type { SyncColumns } from './sync';

// Tables every domain leans on: the org tree, terminals, users, the audit chain, terminal-local state.

export interface OrgUnitsTable extends Omit<SyncColumns, 'org_unit_id'> {
  /** The unit owns itself: org_unit_id is its own id, kept for uniformity of sync. */
  org_unit_id: string;
  code: string;
  name: string;
  level: 'county' | 'township' | 'village';
  parent_id: string | null;
  /** Set when the county's org tree no longer has the unit: kept with its records, offered for no new ones. */
  retired_at: string | null;
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

/** Terminal-local key/value settings (identity of this terminal, idle lock, HLC state). */
export interface SettingsTable {
  key: string;
  value: string;
}

/** One row per year of the holiday schedule (JSON arrays of YYYY-MM-DD), replaceable from the hub. */
export interface HolidayCalendarTable {
  year: number;
  holidays: string;
  workdays: string;
  source: string;
  loaded_at: string;
}

/** The county's reference data as applied or published here, one row per kind. */
export interface ReferenceDataTable {
  kind: string;
  /** The hub's edition number. */
  edition: number;
  /** The payload's own edition label ("2027.1"), for the lists kept here. */
  edition_label: string | null;
  /** JSON in the shape of the shipped resources/ file, for the lists read at run time. */
  payload: string | null;
  applied_at: string;
}

export interface AttachmentsTable extends SyncColumns {
  sha256: string;
  size: number;
  mime: string;
  file_name: string;
  case_id: string | null;
  case_material_id: string | null;
  event_report_id: string | null;
}

export interface PrintCountsTable {
  document: string;
  object_id: string;
  count: number;
  last_at: string;
}

/**
 * A half-filled form, one per user and form. Terminal-local like the settings: personal data typed
 * on this PC stays on it, so it has no sync columns and never goes to the outbox.
 */
export interface FormDraftsTable {
  user_id: string;
  form_key: string;
  /** The form's values as JSON. */
  data: string;
  updated_at: string;
}

/** The edition of each kind of the county's reference data this terminal applied; terminal-local. */
export interface ReferenceEditionsTable {
  /** 'orgTree' or one of shared/sync/reference-contract.ts REFERENCE_KINDS. */
  kind: string;
  edition: number;
  /** Null for an org tree applied before its publication time was kept. */
  published_at: string | null;
  applied_at: string;
  /** What applying it changed, as in its audit entry. */
  summary: string;
}
