import type { ColumnType } from 'kysely';

/** timestamptz: both drivers read a Date; we write ISO strings or Dates. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

export interface CountiesTable {
  county_code: string;
  name: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface OrgUnitsTable {
  county_code: string;
  id: string;
  code: string;
  name: string;
  level: 'county' | 'township' | 'village';
  parent_id: string | null;
  retired_at: NullableTimestamp;
}

export interface OrgTreeEditionsTable {
  county_code: string;
  edition: number;
  published_at: Timestamp;
  published_by_terminal_id: string | null;
  unit_count: number;
}

export interface TerminalsTable {
  county_code: string;
  id: string;
  org_unit_id: string;
  terminal_number: string;
  app_version: string;
  hostname: string | null;
  token_hash: string;
  enrolled_at: Timestamp;
  last_contact_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface EnrolmentCodesTable {
  county_code: string;
  code_hash: string;
  org_unit_id: string;
  issued_by_terminal_id: string | null;
  issued_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  used_by_terminal_id: string | null;
}

export interface ReferenceEditionsTable {
  county_code: string;
  kind: 'catalogue' | 'calendar' | 'disputeTypes' | 'mediationReference' | 'roster';
  edition: number;
  /** jsonb: read back as the parsed value; written as JSON text. */
  payload: ColumnType<unknown, string, string>;
  published_at: Timestamp;
  published_by_terminal_id: string | null;
}

export interface RosterEntryIdsTable {
  county_code: string;
  id: string;
  first_edition: number;
}

export interface AccountSequencesTable {
  county_code: string;
  last_seq: number;
}

export interface AccountsTable {
  county_code: string;
  id: string;
  org_unit_id: string;
  username: string;
  username_key: string;
  display_name: string;
  role: 'admin' | 'supervisor' | 'clerk' | 'agent' | 'mediator' | 'auditor';
  password_hash: string;
  password_format: string;
  must_change_password: boolean;
  disabled: boolean;
  deleted: boolean;
  version: number;
  seq: number;
  updated_at: Timestamp;
  updated_by_terminal_id: string;
}

export interface AppReleasesTable {
  county_code: string;
  version: string;
  file_name: string;
  size: number;
  sha512: string;
  release_date: string | null;
  latest_yml: string;
  oldest_app_version: string | null;
  uploaded_at: Timestamp;
  uploaded_by_terminal_id: string | null;
}

/** bigint columns: node-postgres reads them as strings, PGlite as numbers; compare with Number(). */
type PgBigint = ColumnType<string | number, string | number | bigint, string | number | bigint>;

export interface SyncSequencesTable {
  county_code: string;
  last_seq: PgBigint;
}

export interface SyncTerminalProgressTable {
  county_code: string;
  terminal_id: string;
  epoch: string;
  last_seq: PgBigint;
  updated_at: Timestamp;
}

export interface SyncRecordsTable {
  county_code: string;
  table_name: string;
  record_id: string;
  org_unit_id: string;
  root_table: string;
  root_id: string;
  version: string;
  /** The record's columns as the terminal's SQLite has them. */
  columns: ColumnType<Record<string, string | number | null>, string, string>;
  /** Column name to the version that last set it. */
  field_versions: ColumnType<Record<string, string>, string, string>;
  deleted: boolean;
  /** No longer written (null): a change's number is in the feed (sync_feed.seq). */
  change_seq: ColumnType<
    string | number | null,
    string | number | null | undefined,
    string | number | null
  >;
  origin_terminal_id: string;
  updated_at: Timestamp;
}

export interface SyncVisibilityTable {
  county_code: string;
  root_id: string;
  unit_id: string;
  access: 'owner' | 'addressee' | 'reader';
}

export interface SyncFeedTable {
  county_code: string;
  unit_id: string;
  table_name: string;
  record_id: string;
  seq: PgBigint;
}

export interface SyncRejectionsTable {
  county_code: string;
  terminal_id: string;
  epoch: string;
  seq: PgBigint;
  table_name: string;
  record_id: string;
  code: string;
  message: string;
  rejected_at: Timestamp;
  /** Set when the terminal says a person settled it: the record's entries flow again. */
  settled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SyncClockFlagsTable {
  county_code: string;
  terminal_id: string;
  epoch: string;
  seq: PgBigint;
  table_name: string;
  record_id: string;
  version: string;
  /** How far the version's wall time was past the hub's clock on arrival. */
  ahead_ms: PgBigint;
  flagged_at: Timestamp;
}

type JsonValue = ColumnType<string | number | null, string, string>;

export interface SyncConflictsTable {
  county_code: string;
  id: string;
  table_name: string;
  record_id: string;
  org_unit_id: string;
  column_name: string;
  base_version: string | null;
  /** JSON: the value the record keeps until someone chooses. */
  kept_value: JsonValue;
  kept_version: string;
  kept_terminal_id: string;
  kept_by: string | null;
  kept_at: Timestamp;
  other_value: JsonValue;
  other_version: string;
  other_terminal_id: string;
  other_by: string | null;
  other_at: Timestamp;
  opened_at: Timestamp;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  resolved_value: ColumnType<string | number | null, string | null, string | null>;
}

/** An attachment file the hub holds whole and checked (blob-contract.ts). */
export interface SyncBlobsTable {
  county_code: string;
  sha256: string;
  size: PgBigint;
  mime: string;
  stored_at: Timestamp;
  uploaded_by_terminal_id: string;
}

/** A resident merged into the record of the same document with the smaller id. */
export interface SyncResidentAliasesTable {
  county_code: string;
  alias_id: string;
  resident_id: string;
  merged_at: Timestamp;
}

export interface HubDatabase {
  counties: CountiesTable;
  org_units: OrgUnitsTable;
  org_tree_editions: OrgTreeEditionsTable;
  terminals: TerminalsTable;
  enrolment_codes: EnrolmentCodesTable;
  reference_editions: ReferenceEditionsTable;
  roster_entry_ids: RosterEntryIdsTable;
  account_sequences: AccountSequencesTable;
  accounts: AccountsTable;
  app_releases: AppReleasesTable;
  sync_sequences: SyncSequencesTable;
  sync_terminal_progress: SyncTerminalProgressTable;
  sync_records: SyncRecordsTable;
  sync_visibility: SyncVisibilityTable;
  sync_feed: SyncFeedTable;
  sync_rejections: SyncRejectionsTable;
  sync_conflicts: SyncConflictsTable;
  sync_clock_flags: SyncClockFlagsTable;
  sync_blobs: SyncBlobsTable;
  sync_resident_aliases: SyncResidentAliasesTable;
}
