import { describe, expect } from 'vitest';
import { counterTest as test } from '../../testing/cases';
import { IN_PERSON, moveClockTo, received, SETUP_TIMEOUT_MS } from '../../testing/township';

describe('a case from the window to the rating', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('runs intake → 一次性告知 → 补正 → 受理 → 办理 → 办结 → rating, on working days', async ({
    harness: h,
    township: { admin, clerk, itemId, residentId, supplement },
  }) => {
    const noticed = await h.ok(
      'cases.intake',
      {
        residentId,
        itemId,
        outcome: 'incomplete',
        materials: [...received(0, 2), ...IN_PERSON],
      },
      clerk,
    );
    expect(noticed.state).toBe('pending_supplement');
    expect(noticed.dueDate).toBeNull();
    // The one-time notice lists exactly what is missing, every item at once.
    expect(noticed.materials.filter((m) => m.status === 'missing').map((m) => m.name)).toEqual([
      '申请人户口簿',
      '申请人社会保障卡或本人银行账户',
    ]);
    expect(noticed.events[0]?.note).toBe(
      '出具一次性告知单，尚缺：申请人户口簿、申请人社会保障卡或本人银行账户',
    );
    expect(noticed.counterContact).toBe('东城街道便民服务中心 一号窗口');
    expect(noticed.caseNo).toBe('330324001-01-20250930-0001');
    expect(noticed.availableActions).toEqual(['supplement', 'reject', 'withdraw']);
    expect(
      (await h.ok('print.record', { caseId: noticed.id, document: 'notice' }, clerk)).count,
    ).toBe(1);

    // The resident brings the 户口簿 only: still waiting, and the timeline says what came.
    const partial = await supplement(noticed.id, 1);
    expect(partial.state).toBe('pending_supplement');
    expect(partial.events.at(-1)).toMatchObject({
      action: 'supplement_partial',
      fromState: 'pending_supplement',
      toState: 'pending_supplement',
      note: '补交：申请人户口簿；仍缺：申请人社会保障卡或本人银行账户',
      actorName: '王芳',
    });

    const accepted = await supplement(noticed.id, 3);
    expect(accepted.state).toBe('accepted');
    expect(accepted.acceptedDate).toBe('2025-09-30');
    // 10-01..08 off; 10-09 Thu (1), 10-10 Fri (2), 10-11 Sat make-up day (3), 10-13 (4), 10-14 (5).
    expect(accepted.dueDate).toBe('2025-10-14');
    expect(accepted.deadline).toBe('ok');
    expect(accepted.workingDaysLeft).toBe(5);
    expect(accepted.calendarWarning).toBeNull();

    const started = await h.ok('cases.transition', { caseId: noticed.id, action: 'start' }, clerk);
    expect(started.state).toBe('processing');
    expect(started.handlerName).toBe('王芳');

    moveClockTo(h, '2025-10-13T07:00:00.000Z', [clerk, admin]);
    const dueSoon = await h.ok('cases.get', { caseId: noticed.id }, clerk);
    expect(dueSoon.deadline).toBe('due_soon');
    expect(dueSoon.workingDaysLeft).toBe(1);

    const completed = await h.ok(
      'cases.transition',
      { caseId: noticed.id, action: 'complete', resultNote: '已核定待遇，次月起发放' },
      clerk,
    );
    expect(completed.state).toBe('completed');
    expect(completed.completedDate).toBe('2025-10-13');
    expect(completed.resultNote).toBe('已核定待遇，次月起发放');
    expect(completed.deadline).toBe('none');

    const handedOut = await h.ok('cases.handOut', { caseId: noticed.id }, clerk);
    expect(handedOut.handedOutAt).not.toBeNull();

    const rated = await h.ok(
      'ratings.submit',
      { caseId: noticed.id, level: 'satisfied', comment: '办事很快' },
      clerk,
    );
    expect(rated).toEqual({ bad: false, followupId: null });
    const withRating = await h.ok('cases.get', { caseId: noticed.id }, clerk);
    expect(withRating.rating).toMatchObject({ level: 'satisfied', comment: '办事很快' });
    expect(withRating.events.map((event) => [event.action, event.toState])).toEqual([
      ['intake', 'pending_supplement'],
      ['supplement_partial', 'pending_supplement'],
      ['supplement', 'accepted'],
      ['start', 'processing'],
      ['complete', 'completed'],
      ['hand_out', 'completed'],
    ]);
    expect(await h.code('ratings.submit', { caseId: noticed.id, level: 'satisfied' }, clerk)).toBe(
      'RATING_EXISTS',
    );

    // Every change went to the change log and the audit trail in its own transaction.
    const { db } = h.backend.runtime;
    const outbox = await db
      .selectFrom('outbox')
      .select(['table_name'])
      .where('table_name', 'in', ['cases', 'case_materials', 'case_events', 'ratings'])
      .execute();
    const tables = outbox.map((row) => row.table_name);
    expect(tables.filter((table) => table === 'case_materials')).toHaveLength(6 + 1 + 1);
    expect(tables.filter((table) => table === 'case_events')).toHaveLength(6);
    // Inserted, then accepted, started, completed, handed out; the partial 补正 changed materials only.
    expect(tables.filter((table) => table === 'cases')).toHaveLength(1 + 4);
    expect(tables.filter((table) => table === 'ratings')).toHaveLength(1);
    const audit = await h.ok('audit.list', { page: 1, pageSize: 50 }, admin);
    expect(audit.rows.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'cases.intake',
        'cases.supplement',
        'cases.start',
        'cases.complete',
        'cases.handOut',
        'ratings.submit',
        'print.notice',
      ]),
    );
    expect(audit.rows.find((row) => row.action === 'ratings.submit')?.detail).toContain(
      '群众在评价屏自行录入',
    );
  });

  test('opens a follow-up due 15 working days after a bad rating, flags it overdue, records the call-back', async ({
    harness: h,
    township: { clerk, supervisor, takeIn },
  }) => {
    const done = await takeIn();
    const rated = await h.ok(
      'ratings.submit',
      { caseId: done.id, level: 'very_dissatisfied', comment: '排队太久' },
      clerk,
    );
    expect(rated.bad).toBe(true);
    const list = await h.ok('ratings.followups', { state: 'open' }, supervisor);
    expect(list.total).toBe(1);
    // From 2025-09-30: the holiday, then 10-09 … 10-28 is the 15th working day (10-11 is worked).
    expect(list.rows[0]).toMatchObject({
      id: rated.followupId,
      caseNo: done.caseNo,
      applicantName: '李阿婆',
      level: 'very_dissatisfied',
      comment: '排队太久',
      dueDate: '2025-10-28',
      state: 'open',
      overdue: false,
      workingDaysLeft: 15,
    });
    expect(await h.code('ratings.followups', {}, clerk)).toBe('FORBIDDEN');

    moveClockTo(h, '2025-10-29T02:00:00.000Z', [supervisor]);
    const late = await h.ok('ratings.followups', {}, supervisor);
    expect(late.rows[0]).toMatchObject({ overdue: true, workingDaysLeft: -1 });

    const closed = await h.ok(
      'ratings.recordCallback',
      {
        followupId: rated.followupId!,
        callbackNote: '已电话回访，群众表示理解',
        rectification: '高峰时段增开一个窗口',
      },
      supervisor,
    );
    expect(closed).toMatchObject({
      state: 'done',
      overdue: false,
      workingDaysLeft: null,
      callbackBy: '陈主任',
      callbackNote: '已电话回访，群众表示理解',
      rectification: '高峰时段增开一个窗口',
    });
    expect(
      await h.code(
        'ratings.recordCallback',
        { followupId: rated.followupId!, callbackNote: '再次回访' },
        supervisor,
      ),
    ).toBe('CONFLICT');
    expect((await h.ok('ratings.followups', { state: 'open' }, supervisor)).total).toBe(0);
  });

  test('does not count the days an accepted case waits for 补正', async ({
    harness: h,
    township: { clerk, takeIn, supplement },
  }) => {
    const accepted = await takeIn();
    expect(accepted.dueDate).toBe('2025-10-14');
    moveClockTo(h, '2025-10-09T02:00:00.000Z', [clerk]);
    const waiting = await h.ok(
      'cases.transition',
      { caseId: accepted.id, action: 'request_supplement', note: '申请表签字不全' },
      clerk,
    );
    expect(waiting.state).toBe('pending_supplement');
    expect(waiting.deadline).toBe('none');
    expect(await h.ok('cases.get', { caseId: accepted.id }, clerk)).toMatchObject({
      deadline: 'none',
      workingDaysLeft: null,
    });
    moveClockTo(h, '2025-10-13T02:00:00.000Z', [clerk]);
    const resumed = await supplement(accepted.id, 2);
    // Paused 10-09 … 10-13 (4 working days, 10-11 included); the 5 days then end on 10-20.
    expect(resumed.state).toBe('accepted');
    expect(resumed.acceptedDate).toBe('2025-09-30');
    expect(resumed.dueDate).toBe('2025-10-20');
    const row = await h.backend.runtime.db
      .selectFrom('cases')
      .select(['paused_since', 'paused_working_days'])
      .where('id', '=', accepted.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ paused_since: null, paused_working_days: 4 });
  });
});
