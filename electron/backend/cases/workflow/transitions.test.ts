import { describe, expect } from 'vitest';
import type { MethodInput } from '@shared/api';
import { counterTest as test } from '../../testing/cases';
import { COMPLETE, received, SETUP_TIMEOUT_MS } from '../../testing/township';

describe('refused transitions', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('answers every action a state does not allow with ILLEGAL_TRANSITION', async ({
    harness: h,
    township: { clerk, itemId, residentId },
  }) => {
    const complete = COMPLETE;
    const inState = async (steps: MethodInput<'cases.transition'>['action'][]) => {
      const opened = await h.ok(
        'cases.intake',
        { residentId, itemId, outcome: 'complete', materials: complete },
        clerk,
      );
      for (const action of steps) {
        await h.ok('cases.transition', { caseId: opened.id, action, note: '测试' }, clerk);
      }
      return opened.id;
    };
    const cases = {
      accepted: await inState([]),
      processing: await inState(['start']),
      completed: await inState(['complete']),
      returned: await inState(['return']),
      withdrawn: await inState(['withdraw']),
      pending_supplement: await inState(['request_supplement']),
    };
    const actions = [
      'hand_over',
      'request_supplement',
      'start',
      'complete',
      'return',
      'reject',
      'withdraw',
    ] as const;
    const allowed: Record<keyof typeof cases, readonly string[]> = {
      accepted: ['request_supplement', 'start', 'complete', 'return', 'withdraw'],
      processing: ['request_supplement', 'complete', 'return', 'withdraw'],
      completed: [],
      returned: [],
      withdrawn: [],
      pending_supplement: ['reject', 'withdraw'],
    };
    for (const [state, caseId] of Object.entries(cases) as [keyof typeof cases, string][]) {
      for (const action of actions) {
        if (allowed[state].includes(action)) continue;
        const code = await h.code('cases.transition', { caseId, action, note: '测试' }, clerk);
        expect([state, action, code]).toEqual([state, action, 'ILLEGAL_TRANSITION']);
      }
    }
    const closed = await h.call(
      'cases.transition',
      { caseId: cases.completed, action: 'start' },
      clerk,
    );
    expect(closed.ok ? null : closed.error.message).toBe('「已办结」的案件已结束，不能再开始办理');
  });

  test('needs a reason to return or reject, and the checklist to receive or supplement', async ({
    harness: h,
    township: { clerk, itemId, residentId, takeIn },
  }) => {
    const opened = await takeIn();
    expect(await h.code('cases.transition', { caseId: opened.id, action: 'return' }, clerk)).toBe(
      'RETURN_REASON_REQUIRED',
    );
    const waiting = await h.ok(
      'cases.intake',
      { residentId, itemId, outcome: 'incomplete', materials: received(0) },
      clerk,
    );
    expect(await h.code('cases.transition', { caseId: waiting.id, action: 'reject' }, clerk)).toBe(
      'REJECT_REASON_REQUIRED',
    );
    expect(
      await h.code(
        'cases.transition',
        { caseId: waiting.id, action: 'supplement' as never },
        clerk,
      ),
    ).toBe('INVALID_INPUT');
    expect(await h.code('cases.supplement', { caseId: opened.id, materials: [] }, clerk)).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(await h.code('cases.handOut', { caseId: opened.id }, clerk)).toBe('ILLEGAL_TRANSITION');
  });
});
