import '../../../setup/dayjs';
import type { CaseSummary } from '@shared/api';
import { describe, expect, it } from 'vitest';
import { listsFor, rowDetail } from './case-widget-lists';

const row: CaseSummary = {
  id: 'c1',
  caseNo: '330302001-01-20261127-0001',
  state: 'accepted',
  itemName: '高龄津贴申领',
  itemType: 'promised',
  applicantName: '司马青云',
  residentId: 'r1',
  channel: 'counter',
  agencyOrgName: null,
  agentName: null,
  handoffDueDate: null,
  handedOverAt: null,
  // 23:30 UTC is already the next day in Beijing.
  createdAt: '2026-11-26T23:30:00.000Z',
  acceptedDate: null,
  dueDate: '2026-12-04',
  deadline: 'ok',
  completedDate: null,
};

describe('case widget lists', () => {
  it('give the agent the hand-over first and the counter what is late first', () => {
    expect(listsFor('agent')[0]?.name).toBe('agencyDrafts');
    expect(listsFor('clerk')[0]?.name).toBe('overdue');
    expect(listsFor('supervisor').map((l) => l.name)).not.toContain('agencyDrafts');
  });

  it('offer 待接收 to those who may receive a hand-off, not to the administrator', () => {
    expect(listsFor('clerk').map((l) => l.name)).toContain('awaitingReceipt');
    expect(listsFor('supervisor').map((l) => l.name)).toContain('awaitingReceipt');
    expect(listsFor('admin').map((l) => l.name)).not.toContain('awaitingReceipt');
  });

  it('say why each case is on its list, in Beijing dates', () => {
    expect(rowDetail('overdue', row)).toEqual({
      text: '办结期限 2026-12-04，已超期',
      urgent: true,
    });
    expect(
      rowDetail('overdue', {
        ...row,
        state: 'agency_draft',
        agencyOrgName: '松台社区',
        handoffDueDate: '2026-11-25',
      }),
    ).toEqual({ text: '松台社区代办应于 2026-11-25 前移交，已逾期', urgent: true });
    expect(rowDetail('pendingSupplement', row).text).toBe(
      '一次性告知后等待补正，收件于 2026-11-27',
    );
    expect(
      rowDetail('awaitingReceipt', {
        ...row,
        channel: 'agency',
        agencyOrgName: '松台社区',
        agentName: '周代办',
        handedOverAt: '2026-11-26T17:00:00.000Z',
      }).text,
    ).toBe('松台社区 周代办代办，2026-11-27 移交');
    expect(
      rowDetail('agencyDrafts', { ...row, handoffDueDate: '2026-11-30', deadline: 'overdue' }),
    ).toEqual({ text: '应于 2026-11-30 前移交，已逾期', urgent: true });
    expect(rowDetail('readyToHandOut', { ...row, state: 'completed' }).text).toBe(
      '已办结，结果尚未交付',
    );
  });
});
