import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@shared/api/roles';
import {
  availableActions,
  CASE_ACTION_NAMES,
  CASE_OPENINGS,
  CASE_STATES,
  type CaseAction,
  type CaseState,
  isTerminal,
  openCase,
  transition,
} from './case-workflow';

const COUNTER: Role[] = ['clerk', 'supervisor'];

// The specification, written out independently of the data in case-workflow.ts: every legal move.
const LEGAL: [from: CaseState, action: CaseAction, to: CaseState, roles: Role[]][] = [
  ['agency_draft', 'hand_over', 'awaiting_receipt', ['agent']],
  ['agency_draft', 'withdraw', 'withdrawn', ['agent']],
  ['awaiting_receipt', 'receive', 'accepted', COUNTER],
  ['awaiting_receipt', 'request_supplement', 'pending_supplement', COUNTER],
  ['awaiting_receipt', 'reject', 'rejected', COUNTER],
  ['awaiting_receipt', 'withdraw', 'withdrawn', ['agent', ...COUNTER]],
  ['pending_supplement', 'supplement', 'accepted', COUNTER],
  ['pending_supplement', 'reject', 'rejected', COUNTER],
  ['pending_supplement', 'withdraw', 'withdrawn', COUNTER],
  ['accepted', 'start', 'processing', COUNTER],
  ['accepted', 'complete', 'completed', COUNTER],
  ['accepted', 'return', 'returned', COUNTER],
  ['accepted', 'request_supplement', 'pending_supplement', COUNTER],
  ['accepted', 'withdraw', 'withdrawn', COUNTER],
  ['processing', 'complete', 'completed', COUNTER],
  ['processing', 'return', 'returned', COUNTER],
  ['processing', 'request_supplement', 'pending_supplement', COUNTER],
  ['processing', 'withdraw', 'withdrawn', COUNTER],
];

const TARGET: Record<CaseAction, CaseState> = {
  hand_over: 'awaiting_receipt',
  receive: 'accepted',
  request_supplement: 'pending_supplement',
  supplement: 'accepted',
  start: 'processing',
  complete: 'completed',
  return: 'returned',
  reject: 'rejected',
  withdraw: 'withdrawn',
};

const legal = (from: CaseState, action: CaseAction) =>
  LEGAL.find(([state, name]) => state === from && name === action);

const allowedMoves = LEGAL.flatMap(([from, action, to, roles]) =>
  roles.map((role) => [from, action, role, to] as const),
);
const wrongRoles = LEGAL.flatMap(([from, action, to, roles]) =>
  ROLES.filter((role) => !roles.includes(role)).map((role) => [from, action, role, to] as const),
);
const illegalPairs = CASE_STATES.flatMap((from) =>
  CASE_ACTION_NAMES.filter((action) => !legal(from, action)).map(
    (action) => [from, action] as const,
  ),
);

describe('transition', () => {
  it.each(allowedMoves)('%s --%s--> by %s: %s', (from, action, role, to) => {
    expect(transition({ state: from }, action, role)).toEqual({
      ok: true,
      value: { from, to, action },
    });
  });

  it.each(wrongRoles)('%s --%s--> by %s: ROLE_NOT_ALLOWED', (from, action, role, to) => {
    const result = transition({ state: from }, action, role);
    expect(result.ok ? null : { ...result.error, message: '' }).toEqual({
      code: 'ROLE_NOT_ALLOWED',
      message: '',
      from,
      to,
      action,
    });
  });

  it('covers all 9 states × 9 actions', () => {
    expect(illegalPairs.length + LEGAL.length).toBe(CASE_STATES.length * CASE_ACTION_NAMES.length);
  });

  it.each(illegalPairs)('%s --%s--> is refused for every role', (from, action) => {
    for (const role of ROLES) {
      const result = transition({ state: from }, action, role);
      expect(result.ok ? null : { ...result.error, message: '' }).toEqual({
        code: 'ILLEGAL_TRANSITION',
        message: '',
        from,
        to: TARGET[action],
        action,
      });
    }
  });

  it.each([
    ['processing', 'supplement', 'clerk', '案件当前为「办理中」，不能补正齐全'],
    ['completed', 'withdraw', 'supervisor', '「已办结」的案件已结束，不能再撤回'],
    ['rejected', 'receive', 'clerk', '「不予受理」的案件已结束，不能再接收'],
    [
      'processing',
      'complete',
      'agent',
      '代办员不能对「办理中」的案件办结，须由窗口人员或负责人办理',
    ],
    [
      'agency_draft',
      'hand_over',
      'clerk',
      '窗口人员不能对「代办待移交」的案件移交乡镇，须由代办员办理',
    ],
  ] as const)('%s --%s--> by %s says: %s', (from, action, role, message) => {
    const result = transition({ state: from }, action, role);
    expect(result.ok ? null : result.error.message).toBe(message);
  });
});

describe('the graph', () => {
  const next = (state: CaseState) => LEGAL.filter(([from]) => from === state).map(([, , to]) => to);

  it('ends nowhere but in the four terminal states', () => {
    for (const state of CASE_STATES) {
      expect(next(state).length === 0).toBe(isTerminal(state));
    }
    expect(CASE_STATES.filter(isTerminal)).toEqual([
      'completed',
      'rejected',
      'returned',
      'withdrawn',
    ]);
  });

  it('reaches every state from some way of opening a case', () => {
    const seen = new Set<CaseState>(Object.values(CASE_OPENINGS).map(({ state }) => state));
    for (let grown = true; grown;) {
      const before = seen.size;
      for (const state of [...seen]) for (const to of next(state)) seen.add(to);
      grown = seen.size > before;
    }
    expect([...seen].sort()).toEqual([...CASE_STATES].sort());
  });
});

describe('availableActions', () => {
  it.each<[CaseState, Role, CaseAction[]]>([
    ['agency_draft', 'agent', ['hand_over', 'withdraw']],
    ['agency_draft', 'clerk', []],
    ['awaiting_receipt', 'agent', ['withdraw']],
    ['awaiting_receipt', 'clerk', ['receive', 'request_supplement', 'reject', 'withdraw']],
    ['accepted', 'clerk', ['request_supplement', 'start', 'complete', 'return', 'withdraw']],
    ['processing', 'auditor', []],
    ['completed', 'supervisor', []],
  ])('%s for %s', (state, role, actions) => {
    expect(availableActions(state, role)).toEqual(actions);
  });

  it('offers exactly the legal moves, for every state and role', () => {
    for (const state of CASE_STATES) {
      for (const role of ROLES) {
        const expected = LEGAL.filter(
          ([from, , , roles]) => from === state && roles.includes(role),
        );
        expect(availableActions(state, role).sort()).toEqual(
          expected.map(([, action]) => action).sort(),
        );
      }
    }
  });
});

describe('openCase', () => {
  it.each([
    ['complete', 'clerk', 'accepted'],
    ['incomplete', 'supervisor', 'pending_supplement'],
    ['not_ours', 'clerk', 'rejected'],
    ['agency', 'agent', 'agency_draft'],
  ] as const)('%s by %s opens %s', (opening, role, state) => {
    expect(openCase(opening, role)).toEqual({ ok: true, value: state });
  });

  it.each([
    ['complete', 'agent', '代办员不能受理，须由窗口人员或负责人办理'],
    ['agency', 'clerk', '窗口人员不能代办收件，须由代办员办理'],
    ['incomplete', 'auditor', '审计不能出具一次性告知单，须由窗口人员或负责人办理'],
    ['not_ours', 'admin', '系统管理员不能出具不予受理通知书，须由窗口人员或负责人办理'],
  ] as const)('%s by %s is refused', (opening, role, message) => {
    expect(openCase(opening, role)).toEqual({
      ok: false,
      error: { code: 'ROLE_NOT_ALLOWED', message },
    });
  });
});
