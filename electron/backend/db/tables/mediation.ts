import type { Generated } from 'kysely';
import type { SyncColumns } from './sync';

// People's mediation: disputes and everything recorded on them, and the event reports sent upward.

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
  /** 1: the county's roster edition owns the entry (hub/roster applier); 0: added here. */
  county_registered: Generated<number>;
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
