import { describe, expect } from 'vitest';
import { counterTest as test } from '../../testing/cases';
import { ensureItem, moveClockTo, received, SETUP_TIMEOUT_MS } from '../../testing/township';

describe('printing', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('counts reprints and audits them as 重印', async ({
    harness: h,
    township: { admin, clerk, takeIn },
  }) => {
    const opened = await takeIn();
    expect(await h.code('print.record', { caseId: opened.id, document: 'notice' }, clerk)).toBe(
      'PRINT_NOT_AVAILABLE',
    );
    expect(await h.code('print.record', { caseId: opened.id, document: 'completion' }, clerk)).toBe(
      'PRINT_NOT_AVAILABLE',
    );
    // The 代办受理凭证 is the village agent's paper, not the counter's.
    expect(await h.code('print.record', { caseId: opened.id, document: 'agency' }, clerk)).toBe(
      'PRINT_NOT_AVAILABLE',
    );
    expect(
      (await h.ok('print.record', { caseId: opened.id, document: 'receipt' }, clerk)).count,
    ).toBe(1);
    expect(
      (await h.ok('print.record', { caseId: opened.id, document: 'receipt' }, clerk)).count,
    ).toBe(2);
    const detail = await h.ok('cases.get', { caseId: opened.id }, clerk);
    expect(detail.printCounts).toEqual({ receipt: 2 });
    const audit = await h.ok(
      'audit.list',
      { page: 1, pageSize: 10, action: 'print.receipt' },
      admin,
    );
    expect(audit.rows.map((row) => row.detail)).toEqual([
      `${opened.caseNo} 受理回执重印（第 2 次）`,
      `${opened.caseNo} 受理回执`,
    ]);
  });
});

describe('calendar warning', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('warns when a date of the case falls in a year without a holiday schedule', async ({
    harness: h,
    township: { clerk, residentId },
  }) => {
    // 最低生活保障申请: 20 working days from late December 2026 end in 2027, which is not loaded.
    const relief = await ensureItem(h, 'ZJ-XZ-0013');
    moveClockTo(h, '2026-12-21T02:00:00.000Z', [clerk]);
    const opened = await h.ok(
      'cases.intake',
      { residentId, itemId: relief, outcome: 'incomplete', materials: received(0) },
      clerk,
    );
    expect(opened.calendarWarning).toBeNull();
    const accepted = await h.ok(
      'cases.supplement',
      {
        caseId: opened.id,
        materials: [
          ...received(1, 2, 3, 4),
          ...[5, 6, 7, 8].map((position) => ({ position, status: 'not_applicable' as const })),
        ],
      },
      clerk,
    );
    expect(accepted.dueDate?.startsWith('2027-')).toBe(true);
    expect(accepted.calendarWarning).toBe('2027年度节假日安排尚未加载，暂按周一至周五计算工作日');
  });
});
