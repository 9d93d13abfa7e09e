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

export interface ServiceItemsTable extends SyncColumns {
  code: string;
  current_version_id: string;
  active: number;
  /** Denormalised from the current version for list and search. */
  name: string;
  category: string;
  /** Pinyin initials of the name, lower case, e.g. 'cxjmjbylbxcbdj'. */
  initials: string;
  /** JSON array of the item's short names (低保, 社保卡), searched like its name; not versioned. */
  aliases: Generated<string>;
  /** Pinyin initials of each alias, joined by spaces: 'db dbsq'. */
  alias_initials: Generated<string>;
}

export interface ServiceItemVersionsTable extends SyncColumns {
  item_id: string;
  number: number;
  name: string;
  category: string;
  department: string;
  type: 'instant' | 'promised';
  promised_days: number;
  statutory_days: number;
  fee_fen: number;
  agency_allowed: number;
  basis: string;
  /** JSON array of shared/domain/catalogue Material. */
  materials: string;
}

export interface ResidentsTable extends SyncColumns {
  doc_type: string;
  /** Normalised (upper case, no spaces); unique per document type. */
  doc_number: string;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  phone: string | null;
  address: string | null;
  village_org_id: string | null;
  ethnicity: string | null;
  initials: string;
}

export interface ResidentBigramsTable {
  bigram: string;
  resident_rowid: number;
}

/** Kept by triggers (migration 2026_12_06_1700): the residents a village-level unit may see. */
export interface ResidentAccessTable {
  unit_id: string;
  resident_rowid: number;
  lives: number;
  filed: number;
}

export interface CasesTable extends SyncColumns {
  case_no: string;
  official_no: string | null;
  item_id: string;
  item_version_id: string;
  item_name: string;
  item_type: 'instant' | 'promised';
  promised_days: number;
  resident_id: string;
  applicant_name: string;
  /** Pinyin initials of applicant_name as recorded, for the initials search. */
  applicant_initials: string;
  state: string;
  channel: 'counter' | 'agency';
  agent_user_id: string | null;
  agency_org_id: string | null;
  agency_reason: string | null;
  attorney_date: string | null;
  handoff_due_date: string | null;
  handed_over_at: string | null;
  received_at: string | null;
  received_date: string | null;
  accepted_at: string | null;
  /** Asia/Shanghai date of acceptance; the promised days count from the working day after it. */
  accepted_date: string | null;
  due_date: string | null;
  /** Set while a case waits for 补正 after acceptance; the clock is stopped. */
  paused_since: string | null;
  paused_working_days: number;
  completed_at: string | null;
  completed_date: string | null;
  handed_out_at: string | null;
  result_note: string | null;
  reject_reason: string | null;
  redirect_to: string | null;
  handler_id: string | null;
  counter_contact: string | null;
}

export interface CaseMaterialsTable extends SyncColumns {
  case_id: string;
  position: number;
  name: string;
  form: string;
  copies: number;
  required: number;
  condition: string | null;
  source: string | null;
  status: 'received' | 'missing' | 'not_applicable';
  copies_received: number;
  note: string | null;
}

export interface CaseEventsTable extends SyncColumns {
  case_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  note: string | null;
}

/** Terminal-local daily counters behind case numbers; scope is e.g. 'case:330302001:01:20261127'. */
export interface CaseSequencesTable {
  scope: string;
  last: number;
}

export interface RatingsTable extends SyncColumns {
  case_id: string;
  level: string;
  comment: string | null;
  rated_at: string;
  bad: number;
}

export interface RatingFollowupsTable extends SyncColumns {
  rating_id: string;
  case_id: string;
  due_date: string;
  state: 'open' | 'done';
  callback_at: string | null;
  callback_by: string | null;
  callback_note: string | null;
  rectification: string | null;
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

/** One row per year of the holiday schedule (JSON arrays of YYYY-MM-DD), replaceable from the hub. */
export interface HolidayCalendarTable {
  year: number;
  holidays: string;
  workdays: string;
  source: string;
  loaded_at: string;
}

/** Per committee (org unit): the case-number abbreviation and the supervisor's risk thresholds. */
export interface MediationSettingsTable extends SyncColumns {
  abbreviation: string | null;
  risk_amount_fen: number | null;
  risk_people: number | null;
}

export interface MediatorsTable extends SyncColumns {
  name: string;
  gender: 'male' | 'female' | null;
  phone: string | null;
  user_id: string | null;
  committee_kind: string;
  background: string;
  /** JSON array of dispute type codes. */
  specialties: string;
  active: number;
  note: string | null;
}

/** org_unit_id is the owning committee; it moves up on escalation. */
export interface DisputesTable extends SyncColumns {
  case_no: string;
  official_no: string | null;
  registered_org_id: string;
  case_year: number;
  /** The issuing terminal's number, also when the printed number leaves it out. */
  case_terminal: string;
  case_seq: number;
  state: string;
  type: string;
  source: string;
  transfer_origin: string | null;
  summary: string;
  occurred_on: string | null;
  place: string | null;
  amount_fen: number | null;
  people_involved: number | null;
  risk_level: 'general' | 'serious' | 'major';
  /** Denormalised for lists and search: the parties' names in order, joined by '、'. */
  party_names: string;
  registered_on: string;
  /** First acceptance (statistics); clock_start_on is the current owner's (the one-month clock). */
  accepted_on: string | null;
  clock_start_on: string | null;
  due_date: string | null;
  outcome: 'succeeded' | 'failed' | 'terminated' | null;
  concluded_on: string | null;
  failure_reason: string | null;
  /** JSON array of 'litigation' | 'arbitration' | 'administrative'. */
  routes_told: string | null;
  termination_reason: string | null;
  reject_reason: string | null;
  performed_on: string | null;
  judicial_confirmed_on: string | null;
  closed_on: string | null;
}

export interface DisputeBigramsTable {
  bigram: string;
  dispute_rowid: number;
}

export interface DisputePartiesTable extends SyncColumns {
  dispute_id: string;
  position: number;
  role: 'applicant' | 'respondent' | 'third_party';
  kind: 'person' | 'organisation';
  resident_id: string | null;
  name: string;
  gender: 'male' | 'female' | null;
  ethnicity: string | null;
  birth_date: string | null;
  age: number | null;
  occupation: string | null;
  phone: string | null;
  address: string | null;
  id_type: string | null;
  id_number: string | null;
  credit_code: string | null;
  representative: string | null;
  agent_name: string | null;
  agent_phone: string | null;
  attorney_date: string | null;
  notice_acknowledged_on: string | null;
  notice_method: string | null;
}

export interface DisputeReadersTable extends SyncColumns {
  dispute_id: string;
  reader_org_id: string;
}

export interface DisputeMediatorsTable extends SyncColumns {
  dispute_id: string;
  mediator_id: string;
  role: 'lead' | 'member';
}

export interface DisputeEventsTable extends SyncColumns {
  dispute_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  from_org_id: string | null;
  to_org_id: string | null;
  note: string | null;
}

export interface MediationSessionsTable extends SyncColumns {
  dispute_id: string;
  number: number;
  held_on: string;
  place: string;
  /** JSON array of { mediatorId, name }. */
  mediators: string;
  recorder_name: string | null;
  /** JSON array of names (with how they attended). */
  attendees: string;
  /** JSON array of { partyId, text }. */
  statements: string;
  agreed: number;
  result: string | null;
}

export interface DisputeExtensionsTable extends SyncColumns {
  dispute_id: string;
  previous_due_date: string;
  new_due_date: string;
  recorded_on: string;
  reason: string;
  /** JSON array of party ids. */
  consenting_party_ids: string;
}

export interface DisputeAgreementsTable extends SyncColumns {
  dispute_id: string;
  form: 'written' | 'oral';
  facts: string | null;
  disputed_matters: string | null;
  /** JSON object party id → text. */
  responsibilities: string;
  /** JSON array of shared/domain/mediation/agreement obligations. */
  obligations: string;
  /** JSON array of mediator names. */
  mediators: string;
  recorder_name: string | null;
  agreed_on: string | null;
  effective_on: string | null;
  /** Null while the agreement is a draft. */
  signed_on: string | null;
  jc_applied: number | null;
  jc_applied_on: string | null;
  jc_court: string | null;
  jc_result: 'pending' | 'confirmed' | 'rejected' | null;
  jc_result_on: string | null;
  jc_note: string | null;
}

export interface DisputeFollowUpsTable extends SyncColumns {
  dispute_id: string;
  due_on: string;
  state: 'due' | 'done';
  visited_on: string | null;
  method: string | null;
  visitor_name: string | null;
  performance: string | null;
  satisfaction: string | null;
  renewed_conflict: number | null;
  note: string | null;
}

/** org_unit_id is the reporting unit; receiving_org_id the level above it. */
export interface EventReportsTable extends SyncColumns {
  receiving_org_id: string;
  category: string;
  urgency: 'normal' | 'urgent' | 'critical';
  title: string;
  description: string;
  occurred_on: string | null;
  place: string | null;
  people_involved: number | null;
  reporter_id: string | null;
  reporter_name: string;
  reported_at: string;
  dispute_id: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledgement_note: string | null;
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

export interface Database {
  org_units: OrgUnitsTable;
  terminals: TerminalsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  settings: SettingsTable;
  service_items: ServiceItemsTable;
  service_item_versions: ServiceItemVersionsTable;
  residents: ResidentsTable;
  resident_bigrams: ResidentBigramsTable;
  resident_access: ResidentAccessTable;
  cases: CasesTable;
  case_materials: CaseMaterialsTable;
  case_events: CaseEventsTable;
  case_sequences: CaseSequencesTable;
  ratings: RatingsTable;
  rating_followups: RatingFollowupsTable;
  attachments: AttachmentsTable;
  print_counts: PrintCountsTable;
  holiday_calendar: HolidayCalendarTable;
  mediation_settings: MediationSettingsTable;
  mediators: MediatorsTable;
  disputes: DisputesTable;
  dispute_bigrams: DisputeBigramsTable;
  dispute_parties: DisputePartiesTable;
  dispute_readers: DisputeReadersTable;
  dispute_mediators: DisputeMediatorsTable;
  dispute_events: DisputeEventsTable;
  mediation_sessions: MediationSessionsTable;
  dispute_extensions: DisputeExtensionsTable;
  dispute_agreements: DisputeAgreementsTable;
  dispute_follow_ups: DisputeFollowUpsTable;
  event_reports: EventReportsTable;
  form_drafts: FormDraftsTable;
}
