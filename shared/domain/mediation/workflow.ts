import { ROLE_LABELS, type Role } from '../../api/roles';

/**
 * The states of a dispute case and the actions that move it, with the roles allowed to take each.
 * 不予受理 and 结案 are final. 已上交 waits for the level above, which now owns the case (escalation.ts),
 * to accept it, turn it away, or pass it further up. A successful case is closed only after its
 * follow-up visit; a second visit (the obligations were not yet performed) keeps it in 已回访.
 */

export const DISPUTE_STATES = [
  'registered',
  'accepted',
  'rejected',
  'mediating',
  'succeeded',
  'failed',
  'terminated',
  'escalated',
  'followed_up',
  'closed',
] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];

export const DISPUTE_STATE_LABELS: Record<DisputeState, string> = {
  registered: '已登记',
  accepted: '已受理',
  rejected: '不予受理',
  mediating: '调解中',
  succeeded: '调解成功',
  failed: '调解不成',
  terminated: '终止调解',
  escalated: '已上交',
  followed_up: '已回访',
  closed: '已结案',
};

export const DISPUTE_ACTIONS = [
  'accept',
  'reject',
  'start_mediation',
  'record_success',
  'record_failure',
  'terminate',
  'escalate',
  'record_follow_up',
  'close',
] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

const DISPUTE_ACTION_LABELS: Record<DisputeAction, string> = {
  accept: '受理',
  reject: '不予受理',
  start_mediation: '开始调解',
  record_success: '记录调解成功',
  record_failure: '记录调解不成',
  terminate: '终止调解',
  escalate: '上交',
  record_follow_up: '记录回访',
  close: '结案',
};

type TransitionTable = Readonly<Record<DisputeState, Partial<Record<DisputeAction, DisputeState>>>>;

const TRANSITIONS: TransitionTable = {
  registered: { accept: 'accepted', reject: 'rejected', escalate: 'escalated' },
  accepted: { start_mediation: 'mediating', terminate: 'terminated', escalate: 'escalated' },
  rejected: {},
  mediating: {
    record_success: 'succeeded',
    record_failure: 'failed',
    terminate: 'terminated',
    escalate: 'escalated',
  },
  succeeded: { record_follow_up: 'followed_up' },
  // A failure is either closed with the routes the parties were told, or passed up a level.
  failed: { escalate: 'escalated', close: 'closed' },
  terminated: { close: 'closed' },
  escalated: { accept: 'accepted', reject: 'rejected', escalate: 'escalated' },
  followed_up: { record_follow_up: 'followed_up', close: 'closed' },
  closed: {},
};

/**
 * Mediation is the work of mediators and the supervisor (负责人) who leads them. Counter staff, village
 * agents, the administrator and auditors see cases but never move them. Every action has its own entry
 * so that a stricter rule for one of them (say, 结案 by the supervisor only) is a one-line change.
 */
const MEDIATION_ROLES: readonly Role[] = ['mediator', 'supervisor'];
const ALLOWED_ROLES: Readonly<Record<DisputeAction, readonly Role[]>> = {
  accept: MEDIATION_ROLES,
  reject: MEDIATION_ROLES,
  start_mediation: MEDIATION_ROLES,
  record_success: MEDIATION_ROLES,
  record_failure: MEDIATION_ROLES,
  terminate: MEDIATION_ROLES,
  escalate: MEDIATION_ROLES,
  record_follow_up: MEDIATION_ROLES,
  close: MEDIATION_ROLES,
};

type WorkflowErrorCode = 'ILLEGAL_TRANSITION' | 'ROLE_NOT_ALLOWED';

/** The shape of shared/domain/result.ts's RuleResult, so a service handles every rule alike. */
type DisputeTransitionResult =
  | { ok: true; value: DisputeState }
  | { ok: false; error: { code: WorkflowErrorCode; message: string } };

export function isFinal(state: DisputeState): boolean {
  return Object.keys(TRANSITIONS[state]).length === 0;
}

function refuse(code: WorkflowErrorCode, message: string): DisputeTransitionResult {
  return { ok: false, error: { code, message } };
}

/** State first, then role, in the same order as the applications workflow (shared/domain/cases). */
export function transitionDispute(
  state: DisputeState,
  action: DisputeAction,
  role: Role,
): DisputeTransitionResult {
  const label = DISPUTE_ACTION_LABELS[action];
  const stateLabel = DISPUTE_STATE_LABELS[state];
  const next = TRANSITIONS[state][action];
  if (next === undefined) {
    return refuse(
      'ILLEGAL_TRANSITION',
      isFinal(state)
        ? `「${stateLabel}」的案件已结束，不能再${label}`
        : `案件当前为「${stateLabel}」，不能${label}`,
    );
  }
  const roles = ALLOWED_ROLES[action];
  if (!roles.includes(role)) {
    const allowed = roles.map((allowedRole) => ROLE_LABELS[allowedRole]).join('或');
    return refuse('ROLE_NOT_ALLOWED', `${ROLE_LABELS[role]}不能${label}，须由${allowed}办理`);
  }
  return { ok: true, value: next };
}

/** The actions to offer this role on a case in this state, in the order of DISPUTE_ACTIONS. */
export function availableDisputeActions(state: DisputeState, role: Role): DisputeAction[] {
  return DISPUTE_ACTIONS.filter((action) => transitionDispute(state, action, role).ok);
}
