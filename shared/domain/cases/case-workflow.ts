import { z } from 'zod';
import { ROLE_LABELS, type Role } from '@shared/api/roles';
import { passed, refused, type RuleError, type RuleResult } from '../result';

/**
 * The life of an application case as data. Intake opens a case in one of four states; every later
 * change is an action, and each action has exactly one target state, so that a refusal can name both
 * ends. Village agency cases start at the village (代办待移交), wait at the township (待接收) and
 * join the township's own workflow once it receives them.
 */

export const CASE_STATES = [
  'agency_draft',
  'awaiting_receipt',
  'pending_supplement',
  'accepted',
  'processing',
  'completed',
  'rejected',
  'returned',
  'withdrawn',
] as const;
export const caseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof caseStateSchema>;

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  agency_draft: '代办待移交',
  awaiting_receipt: '待接收',
  pending_supplement: '待补正',
  accepted: '已受理',
  processing: '办理中',
  completed: '已办结',
  rejected: '不予受理',
  returned: '已退回',
  withdrawn: '已撤回',
};

export const TERMINAL_STATES: readonly CaseState[] = [
  'completed',
  'rejected',
  'returned',
  'withdrawn',
];

const CASE_OPENING_NAMES = ['complete', 'incomplete', 'not_ours', 'agency'] as const;
export const caseOpeningSchema = z.enum(CASE_OPENING_NAMES);
type CaseOpening = z.infer<typeof caseOpeningSchema>;

const COUNTER: readonly Role[] = ['clerk', 'supervisor'];

/** How intake at the window, or at a village agency point, opens a case, and who may do it. */
export const CASE_OPENINGS: Record<
  CaseOpening,
  { state: CaseState; label: string; roles: readonly Role[] }
> = {
  complete: { state: 'accepted', label: '受理', roles: COUNTER },
  incomplete: { state: 'pending_supplement', label: '出具一次性告知单', roles: COUNTER },
  not_ours: { state: 'rejected', label: '出具不予受理通知书', roles: COUNTER },
  agency: { state: 'agency_draft', label: '代办收件', roles: ['agent'] },
};

export const CASE_ACTION_NAMES = [
  'hand_over',
  'receive',
  'request_supplement',
  'supplement',
  'start',
  'complete',
  'return',
  'reject',
  'withdraw',
] as const;
export const caseActionSchema = z.enum(CASE_ACTION_NAMES);
export type CaseAction = z.infer<typeof caseActionSchema>;

interface ActionRule {
  /** The one state this action leads to. */
  to: CaseState;
  label: string;
  /** The states it may be taken from, each with the roles allowed to take it there. */
  from: Partial<Record<CaseState, readonly Role[]>>;
}

export const CASE_ACTIONS: Record<CaseAction, ActionRule> = {
  hand_over: { to: 'awaiting_receipt', label: '移交乡镇', from: { agency_draft: ['agent'] } },
  receive: { to: 'accepted', label: '接收', from: { awaiting_receipt: COUNTER } },
  request_supplement: {
    to: 'pending_supplement',
    label: '要求补正',
    from: { awaiting_receipt: COUNTER, accepted: COUNTER, processing: COUNTER },
  },
  supplement: { to: 'accepted', label: '补正齐全', from: { pending_supplement: COUNTER } },
  start: { to: 'processing', label: '开始办理', from: { accepted: COUNTER } },
  // From accepted too: a 即办件 is completed on the spot.
  complete: { to: 'completed', label: '办结', from: { accepted: COUNTER, processing: COUNTER } },
  return: { to: 'returned', label: '退回', from: { accepted: COUNTER, processing: COUNTER } },
  reject: {
    to: 'rejected',
    label: '不予受理',
    from: { awaiting_receipt: COUNTER, pending_supplement: COUNTER },
  },
  // The resident withdraws: at the village the agent records it, at the township the counter does.
  withdraw: {
    to: 'withdrawn',
    label: '撤回',
    from: {
      agency_draft: ['agent'],
      awaiting_receipt: ['agent', ...COUNTER],
      pending_supplement: COUNTER,
      accepted: COUNTER,
      processing: COUNTER,
    },
  },
};

type WorkflowErrorCode = 'ILLEGAL_TRANSITION' | 'ROLE_NOT_ALLOWED';

export interface Transition {
  from: CaseState;
  to: CaseState;
  action: CaseAction;
}

type WorkflowError = RuleError<WorkflowErrorCode> & Transition;

export function isTerminal(state: CaseState): boolean {
  return TERMINAL_STATES.includes(state);
}

function allowedNames(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join('或');
}

export function transition(
  current: { state: CaseState },
  action: CaseAction,
  actorRole: Role,
): RuleResult<Transition, WorkflowError> {
  const { to, label, from } = CASE_ACTIONS[action];
  const step: Transition = { from: current.state, to, action };
  const roles = from[current.state];
  const stateLabel = CASE_STATE_LABELS[current.state];
  if (!roles) {
    const message = isTerminal(current.state)
      ? `「${stateLabel}」的案件已结束，不能再${label}`
      : `案件当前为「${stateLabel}」，不能${label}`;
    return { ok: false, error: { code: 'ILLEGAL_TRANSITION', message, ...step } };
  }
  if (!roles.includes(actorRole)) {
    const message = `${ROLE_LABELS[actorRole]}不能对「${stateLabel}」的案件${label}，须由${allowedNames(roles)}办理`;
    return { ok: false, error: { code: 'ROLE_NOT_ALLOWED', message, ...step } };
  }
  return passed(step);
}

/** The actions a case offers this role, e.g. as buttons. */
export function availableActions(state: CaseState, role: Role): CaseAction[] {
  return CASE_ACTION_NAMES.filter((action) => CASE_ACTIONS[action].from[state]?.includes(role));
}

/** The state intake opens a case in, when this role may open it that way. */
export function openCase(
  opening: CaseOpening,
  actorRole: Role,
): RuleResult<CaseState, RuleError<'ROLE_NOT_ALLOWED'>> {
  const { state, label, roles } = CASE_OPENINGS[opening];
  if (roles.includes(actorRole)) return passed(state);
  return refused(
    'ROLE_NOT_ALLOWED',
    `${ROLE_LABELS[actorRole]}不能${label}，须由${allowedNames(roles)}办理`,
  );
}
