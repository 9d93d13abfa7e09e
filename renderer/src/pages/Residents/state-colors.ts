import type { CaseSummary } from '@shared/api';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import type { DisputeState } from '@shared/domain/mediation/workflow';

/** Colours of a case's state in 一人一档: open work blue, waiting on someone orange, done teal. */
export const CASE_STATE_COLORS: Record<CaseState, string> = {
  agency_draft: 'violet',
  awaiting_receipt: 'violet',
  pending_supplement: 'orange',
  accepted: 'blue',
  processing: 'blue',
  completed: 'teal',
  rejected: 'gray',
  returned: 'red',
  withdrawn: 'gray',
};

export const DEADLINE_BADGES: Partial<
  Record<CaseSummary['deadline'], { label: string; color: string }>
> = {
  due_soon: { label: '即将到期', color: 'yellow' },
  due_today: { label: '今日到期', color: 'orange' },
  overdue: { label: '已超期', color: 'red' },
};

/** A dispute's state: in mediation blue, passed upward violet, ended without agreement gray. */
export const DISPUTE_STATE_COLORS: Record<DisputeState, string> = {
  registered: 'blue',
  accepted: 'blue',
  mediating: 'blue',
  rejected: 'gray',
  succeeded: 'teal',
  failed: 'gray',
  terminated: 'gray',
  escalated: 'violet',
  followed_up: 'teal',
  closed: 'teal',
};
