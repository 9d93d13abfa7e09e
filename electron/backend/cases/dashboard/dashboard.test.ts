import { describe, expect } from 'vitest';
import type { MethodOutput } from '@shared/api';
import { addCase } from '../../testing/case-rows';
import { caseListWith, lettersOf, SCENE_TIMEOUT_MS } from '../../testing/cases';

/** One bad rating on F with its open follow-up, and one follow-up already done. */
const withRatings = caseListWith(async (db, s) => {
  const base = {
    org_unit_id: s.township,
    created_at: '2026-11-06T02:00:00.000Z',
    created_by: null,
    updated_at: '2026-11-06T02:00:00.000Z',
    updated_by: null,
    origin_terminal_id: 'terminal-test',
    version: 'v',
    deleted_at: null,
  };
  for (const [n, state] of [
    [1, 'open'],
    [2, 'done'],
  ] as const) {
    const caseId = n === 1 ? s.ids.F : s.ids.E;
    await db
      .insertInto('ratings')
      .values({
        ...base,
        id: `rating-${n}`,
        case_id: caseId,
        level: 'dissatisfied',
        comment: null,
        rated_at: base.created_at,
        bad: 1,
      })
      .execute();
    await db
      .insertInto('rating_followups')
      .values({
        ...base,
        id: `followup-${n}`,
        rating_id: `rating-${n}`,
        case_id: caseId,
        due_date: '2026-11-27',
        state,
        callback_at: null,
        callback_by: null,
        callback_note: null,
        rectification: null,
      })
      .execute();
  }
});

type Dashboard = MethodOutput<'cases.dashboard'>;
type ListName = Exclude<keyof Dashboard, 'followupsDue' | 'calendarWarning'>;
const LISTS: ListName[] = [
  'dueToday',
  'dueSoon',
  'overdue',
  'pendingSupplement',
  'readyToHandOut',
  'awaitingReceipt',
  'agencyDrafts',
];

const test = withRatings
  /** Each list of a dashboard as the letters of its cases. */
  .extend('lists', ({ township: s }) => {
    return (dashboard: Dashboard) =>
      Object.fromEntries(LISTS.map((name) => [name, lettersOf(s.ids, dashboard[name])])) as Record<
        ListName,
        string[]
      >;
  });

describe('cases.dashboard (工作台) on Friday 2026-11-27', { timeout: SCENE_TIMEOUT_MS }, () => {
  test('shows a clerk the cases they handle or took in, and the hand-offs waiting at the township', async ({
    harness: h,
    township: s,
    lists,
  }) => {
    const dashboard = await h.ok('cases.dashboard', {}, s.clerk.token);
    expect(lists(dashboard)).toEqual({
      dueToday: ['A'],
      // Due Monday 11-30: one working day left after Friday.
      dueSoon: ['B'],
      overdue: [],
      pendingSupplement: ['D'],
      readyToHandOut: ['E'],
      awaitingReceipt: ['G'],
      agencyDrafts: [],
    });
    expect(dashboard.dueToday[0]?.deadline).toBe('due_today');
    expect(dashboard.followupsDue).toBe(0);
    expect(dashboard.calendarWarning).toBeNull();
  });

  test('shows another clerk only their own overdue case', async ({
    harness: h,
    township: s,
    lists,
  }) => {
    const dashboard = await h.ok('cases.dashboard', {}, s.clerk2.token);
    expect(lists(dashboard)).toMatchObject({ dueToday: [], dueSoon: ['B'], overdue: ['C'] });
  });

  test('shows the supervisor the whole unit and the open bad-rating follow-ups', async ({
    harness: h,
    township: s,
    lists,
  }) => {
    const dashboard = await h.ok('cases.dashboard', {}, s.supervisor.token);
    expect(lists(dashboard)).toEqual({
      dueToday: ['A'],
      dueSoon: ['B'],
      overdue: ['C'],
      pendingSupplement: ['D'],
      readyToHandOut: ['E'],
      awaitingReceipt: ['G'],
      agencyDrafts: [],
    });
    expect(dashboard.overdue[0]?.deadline).toBe('overdue');
    expect(dashboard.followupsDue).toBe(1);
  });

  test('gives the administrator, whom the workflow does not let receive, no 待接收 list', async ({
    harness: h,
    township: s,
    lists,
  }) => {
    const dashboard = await h.ok('cases.dashboard', {}, s.admin);
    expect(lists(dashboard)).toMatchObject({ overdue: ['C'], awaitingReceipt: [] });
  });

  test('shows a village agent their drafts with the hand-off limit and what waits at the township', async ({
    harness: h,
    township: s,
    lists,
  }) => {
    const dashboard = await h.ok('cases.dashboard', {}, s.agent.token);
    expect(lists(dashboard)).toEqual({
      dueToday: [],
      dueSoon: [],
      overdue: [],
      pendingSupplement: [],
      readyToHandOut: [],
      awaitingReceipt: ['G'],
      agencyDrafts: ['H'],
    });
    expect(dashboard.agencyDrafts[0]).toMatchObject({
      handoffDueDate: '2026-11-30',
      deadline: 'due_soon',
    });
    expect(dashboard.followupsDue).toBe(0);
  });

  // Late: it adds a case.
  test('shows the supervisor a village draft past its hand-off limit among the overdue, not the clerk', async ({
    harness: h,
    township: s,
    db,
  }) => {
    const late = await addCase(db, {
      caseNo: '330302001001-01-20261120-0001',
      orgUnitId: s.village,
      item: s.items.jiuzhu,
      resident: s.residents.zhang,
      state: 'agency_draft',
      createdAt: '2026-11-20T02:00:00.000Z',
      createdBy: s.agent.userId,
      channel: 'agency',
      agentUserId: s.agent.userId,
      agencyOrgId: s.village,
      handoffDueDate: '2026-11-25',
    });
    const supervisor = await h.ok('cases.dashboard', {}, s.supervisor.token);
    // C was due 11-25 and taken in 11-16; the draft's limit was 11-25 too, taken in 11-20.
    expect(supervisor.overdue.map((row) => row.id)).toEqual([s.ids.C, late]);
    expect(supervisor.overdue[1]).toMatchObject({
      deadline: 'overdue',
      handoffDueDate: '2026-11-25',
    });
    const clerk = await h.ok('cases.dashboard', {}, s.clerk2.token);
    expect(clerk.overdue.map((row) => row.id)).toEqual([s.ids.C]);
    const agent = await h.ok('cases.dashboard', {}, s.agent.token);
    expect(agent.overdue).toEqual([]);
    expect(agent.agencyDrafts.map((row) => row.id)).toEqual([late, s.ids.H]);
  });

  test('warns when a date falls in a year whose holiday schedule is not loaded', async ({
    harness: h,
    township: s,
    db,
  }) => {
    await db.deleteFrom('holiday_calendar').where('year', '=', 2026).execute();
    h.backend.runtime.calendar.invalidate();
    const dashboard = await h.ok('cases.dashboard', {}, s.clerk.token);
    expect(dashboard.calendarWarning).toBe('2026年度节假日安排尚未加载，暂按周一至周五计算工作日');
  });
});
