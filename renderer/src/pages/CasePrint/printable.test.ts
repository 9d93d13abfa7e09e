import type { CaseDetail } from '@shared/api';
import { describe, expect, it } from 'vitest';
import { actorInto, completedOnTime, printProblem } from './printable';

type Event = CaseDetail['events'][number];

function event(actorName: string, fromState: Event['fromState'], toState: Event['toState']): Event {
  return {
    id: `${actorName}-${toState}`,
    at: '2026-11-27T01:00:00.000Z',
    actorName,
    action: 'x',
    fromState,
    toState,
    note: null,
  };
}

function detail(overrides: Partial<CaseDetail>): CaseDetail {
  return {
    state: 'accepted',
    acceptedAt: null,
    dueDate: null,
    completedDate: null,
    events: [],
    ...overrides,
  } as CaseDetail;
}

describe('which papers a case can print', () => {
  it('prints a receipt only once accepted, whatever happened since', () => {
    expect(printProblem(detail({ state: 'pending_supplement' }), 'receipt')).toBe(
      '案件当前为「待补正」，不能打印受理回执',
    );
    const completed = detail({ state: 'completed', acceptedAt: '2026-11-27T01:00:00.000Z' });
    expect(printProblem(completed, 'receipt')).toBeNull();
  });

  it('prints a notice for a case that waited for 补正, even after it was accepted', () => {
    const accepted = detail({
      state: 'accepted',
      acceptedAt: '2026-11-28T01:00:00.000Z',
      events: [
        event('林晓燕', null, 'pending_supplement'),
        event('林晓燕', 'pending_supplement', 'accepted'),
      ],
    });
    expect(printProblem(accepted, 'notice')).toBeNull();
    expect(printProblem(detail({ events: [event('林晓燕', null, 'accepted')] }), 'notice')).toBe(
      '案件当前为「已受理」，不能打印一次性告知单',
    );
  });

  it('prints the refusal and the completion notice only in their states', () => {
    expect(printProblem(detail({ state: 'rejected' }), 'rejection')).toBeNull();
    expect(printProblem(detail({ state: 'processing' }), 'completion')).toBe(
      '案件当前为「办理中」，不能打印办结通知',
    );
    expect(printProblem(detail({ state: 'completed' }), 'completion')).toBeNull();
  });
});

describe('facts on the papers', () => {
  it('names who last moved the case into a state', () => {
    const supplemented = detail({
      events: [
        event('林晓燕', null, 'pending_supplement'),
        event('王丽', 'pending_supplement', 'accepted'),
      ],
    });
    expect(actorInto(supplemented, 'accepted')).toBe('王丽');
    expect(actorInto(supplemented, 'pending_supplement')).toBe('林晓燕');
    expect(actorInto(supplemented, 'completed')).toBeNull();
  });

  it('counts a case completed on its due date as on time', () => {
    expect(completedOnTime(detail({ dueDate: '2026-12-04', completedDate: '2026-12-04' }))).toBe(
      true,
    );
    expect(completedOnTime(detail({ dueDate: '2026-12-04', completedDate: '2026-12-07' }))).toBe(
      false,
    );
    expect(completedOnTime(detail({ dueDate: null, completedDate: '2026-12-07' }))).toBeNull();
  });
});
