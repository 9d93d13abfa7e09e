import type { DisputeSummary } from '@shared/api';
import { describe, expect, it } from 'vitest';
import { daysLeftText } from '../../../lib/days-left';
import {
  awaitingRows,
  deadlineRows,
  followUpRows,
  judicialRows,
  type MediationDashboard,
} from './dashboard-rows';

function dispute(id: string, patch: Partial<DisputeSummary> = {}): DisputeSummary {
  return {
    id,
    caseNo: `（2026）东调字第${id}号`,
    state: 'mediating',
    type: 'neighbour',
    source: 'application',
    riskLevel: 'general',
    partyNames: '张三、李四',
    summary: '院墙排水',
    registeredOn: '2026-10-20',
    acceptedOn: '2026-10-20',
    dueDate: '2026-11-20',
    deadline: 'overdue',
    outcome: null,
    concludedOn: null,
    ownerOrgId: 'org',
    ownerOrgName: '东城街道',
    ownerLevel: 'township',
    leadMediatorName: null,
    access: 'owner',
    ...patch,
  };
}

const empty: MediationDashboard = {
  deadlinesDueSoon: [],
  deadlinesOverdue: [],
  followUpsDue: [],
  followUpsOverdue: [],
  judicialWindows: [],
  awaitingAcceptance: [],
  unacknowledgedReports: 0,
};

function visit(id: string, dueOn: string, daysLeft: number) {
  return {
    id,
    disputeId: id,
    dueOn,
    state: 'due' as const,
    deadline: {
      dueDate: dueOn,
      daysLeft,
      status: daysLeft < 0 ? ('overdue' as const) : ('due_soon' as const),
    },
    visitedOn: null,
    method: null,
    visitorName: null,
    performance: null,
    satisfaction: null,
    renewedConflict: null,
    note: null,
    dispute: dispute(id, { state: 'succeeded' }),
  };
}

describe('工作台 rows', () => {
  it('says how many days are left or overdue', () => {
    expect([daysLeftText(3), daysLeftText(0), daysLeftText(-2)]).toEqual([
      '还剩 3 天',
      '今天到期',
      '已逾期 2 天',
    ]);
  });

  it('lists overdue follow-ups first and marks them', () => {
    const rows = followUpRows({
      ...empty,
      followUpsDue: [visit('1', '2026-11-30', 3)],
      followUpsOverdue: [visit('2', '2026-11-25', -2)],
    });
    expect(rows.map((row) => [row.disputeId, row.detail, row.overdue])).toEqual([
      ['2', '回访应于 2026-11-25（已逾期 2 天）', true],
      ['1', '回访应于 2026-11-30（还剩 3 天）', false],
    ]);
  });

  it('tells the one-month clock past from nearly past', () => {
    const rows = deadlineRows({
      ...empty,
      deadlinesDueSoon: [dispute('1', { dueDate: '2026-11-30', deadline: 'due_soon' })],
      deadlinesOverdue: [dispute('2')],
    });
    expect(rows.map((row) => [row.disputeId, row.detail, row.overdue])).toEqual([
      ['2', '调解期限 2026-11-20，已超期', true],
      ['1', '调解期限 2026-11-30，即将到期', false],
    ]);
  });

  it('names the last day of the judicial-confirmation window', () => {
    const rows = judicialRows({
      ...empty,
      judicialWindows: [
        {
          dispute: dispute('1', { state: 'succeeded' }),
          window: { dueDate: '2026-11-29', daysLeft: 2, status: 'due_soon' },
        },
      ],
    });
    expect(rows[0]).toMatchObject({
      detail: '司法确认申请截止 2026-11-29（还剩 2 天）',
      overdue: false,
    });
  });

  it('says which cases were passed up from below', () => {
    const rows = awaitingRows({
      ...empty,
      awaitingAcceptance: [
        dispute('1', { state: 'escalated' }),
        dispute('2', { state: 'registered' }),
      ],
    });
    expect(rows.map((row) => row.detail)).toEqual([
      '下级上交，待本单位受理',
      '2026-10-20 登记，待受理',
    ]);
  });
});
