import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../api/roles';
import {
  DISPUTE_ACTIONS,
  DISPUTE_STATES,
  type DisputeAction,
  type DisputeState,
  availableDisputeActions,
  isFinal,
  transitionDispute,
} from './workflow';

/** The specification, written out independently of the table in workflow.ts. */
const LEGAL: [DisputeState, DisputeAction, DisputeState][] = [
  ['registered', 'accept', 'accepted'],
  ['registered', 'reject', 'rejected'],
  ['registered', 'escalate', 'escalated'],
  ['accepted', 'start_mediation', 'mediating'],
  ['accepted', 'terminate', 'terminated'],
  ['accepted', 'escalate', 'escalated'],
  ['mediating', 'record_success', 'succeeded'],
  ['mediating', 'record_failure', 'failed'],
  ['mediating', 'terminate', 'terminated'],
  ['mediating', 'escalate', 'escalated'],
  ['succeeded', 'record_follow_up', 'followed_up'],
  ['failed', 'escalate', 'escalated'],
  ['failed', 'close', 'closed'],
  ['terminated', 'close', 'closed'],
  ['escalated', 'accept', 'accepted'],
  ['escalated', 'reject', 'rejected'],
  ['escalated', 'escalate', 'escalated'],
  ['followed_up', 'record_follow_up', 'followed_up'],
  ['followed_up', 'close', 'closed'],
];
const isLegal = (state: DisputeState, action: DisputeAction) =>
  LEGAL.some(([s, a]) => s === state && a === action);

const ILLEGAL = DISPUTE_STATES.flatMap((state) =>
  DISPUTE_ACTIONS.filter((action) => !isLegal(state, action)).map(
    (action) => [state, action] as const,
  ),
);
const ALLOWED_ROLES: Role[] = ['mediator', 'supervisor'];
const REFUSED_ROLES = ROLES.filter((role) => !ALLOWED_ROLES.includes(role));

describe('transitionDispute', () => {
  it.each(LEGAL)('%s --%s--> %s', (state, action, next) => {
    for (const role of ALLOWED_ROLES) {
      expect(transitionDispute(state, action, role)).toEqual({ ok: true, value: next });
    }
  });

  it('covers every state × action pair between the legal and the illegal tables', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(DISPUTE_STATES.length * DISPUTE_ACTIONS.length);
    expect(ILLEGAL.length).toBe(71);
  });

  it.each(ILLEGAL)('%s cannot %s', (state, action) => {
    const result = transitionDispute(state, action, 'mediator');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ILLEGAL_TRANSITION');
    expect(result.error.message).toMatch(/^(案件当前为「.+」，不能|「.+」的案件已结束，不能再).+$/);
  });

  it.each(
    REFUSED_ROLES.flatMap((role) => DISPUTE_ACTIONS.map((action) => [role, action] as const)),
  )('%s may not %s, even where the state allows it', (role, action) => {
    const legalFrom = LEGAL.find(([, a]) => a === action)?.[0] ?? 'registered';
    const result = transitionDispute(legalFrom, action, role);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ROLE_NOT_ALLOWED');
    expect(result.error.message).toMatch(/须由调解员或负责人办理$/);
  });

  it.each([
    ['mediating', 'accept', 'mediator', '案件当前为「调解中」，不能受理'],
    ['closed', 'escalate', 'supervisor', '「已结案」的案件已结束，不能再上交'],
    ['rejected', 'accept', 'mediator', '「不予受理」的案件已结束，不能再受理'],
    // The state is checked first, as in the applications workflow.
    ['closed', 'accept', 'auditor', '「已结案」的案件已结束，不能再受理'],
    ['registered', 'accept', 'clerk', '窗口人员不能受理，须由调解员或负责人办理'],
  ] as const)('%s, %s by %s: %s', (state, action, role, message) => {
    const result = transitionDispute(state, action, role);
    expect(result.ok || result.error.message).toBe(message);
  });

  it.each([
    [
      'resolved in the village',
      ['accept', 'start_mediation', 'record_success', 'record_follow_up', 'close'],
      'closed',
    ],
    [
      'failed, escalated, resolved in the township',
      [
        'accept',
        'start_mediation',
        'record_failure',
        'escalate',
        'accept',
        'start_mediation',
        'record_success',
        'record_follow_up',
        'record_follow_up',
        'close',
      ],
      'closed',
    ],
    ['turned away', ['reject'], 'rejected'],
    ['passed straight up, then up again', ['escalate', 'escalate', 'accept'], 'accepted'],
  ] as const)('a whole case: %s', (_, actions, end) => {
    let state: DisputeState = 'registered';
    for (const action of actions) {
      const result = transitionDispute(state, action, 'mediator');
      if (!result.ok) throw new Error(result.error.message);
      state = result.value;
    }
    expect(state).toBe(end);
  });
});

describe('availableDisputeActions', () => {
  it.each([
    ['registered', 'mediator', ['accept', 'reject', 'escalate']],
    ['mediating', 'supervisor', ['record_success', 'record_failure', 'terminate', 'escalate']],
    ['succeeded', 'mediator', ['record_follow_up']],
    ['failed', 'mediator', ['escalate', 'close']],
    ['mediating', 'clerk', []],
    ['closed', 'supervisor', []],
  ] as const)('%s for %s → %o', (state, role, expected) => {
    expect(availableDisputeActions(state, role)).toEqual(expected);
  });
});

describe('isFinal', () => {
  it.each(
    DISPUTE_STATES.map((state) => [state, state === 'closed' || state === 'rejected'] as const),
  )('%s → %s', (state, expected) => {
    expect(isFinal(state)).toBe(expected);
  });
});
