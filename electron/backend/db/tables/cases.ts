import type { SyncColumns } from './sync';

// Applications (cases) with their materials, timeline and ratings.

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
