import { sql, type Kysely, type RawBuilder } from 'kysely';
import { describe, expect } from 'vitest';
import type { Database } from '../../db/schema';
import type { Harness } from '../../testing/harness';
import { FILE, fileTest } from '../../testing/fixtures';
import { addCase, addItem, addResident } from '../../testing/case-rows';
import { addUser, addVillageAndNeighbour } from '../../testing/case-scenario';
import { SCENE_TIMEOUT_MS } from '../../testing/cases';
import { casesInSpanSql, ratingsInSpanSql, runningOverdueSql } from './figures-sql';

async function addRating(
  db: Kysely<Database>,
  orgUnitId: string,
  caseId: string,
  ratedAt: string,
  bad: boolean,
) {
  await db
    .insertInto('ratings')
    .values({
      id: `rating-${caseId}`,
      org_unit_id: orgUnitId,
      created_at: ratedAt,
      created_by: null,
      updated_at: ratedAt,
      updated_by: null,
      origin_terminal_id: 'terminal-test',
      version: `${ratedAt}-0000-test`,
      deleted_at: null,
      case_id: caseId,
      level: bad ? 'dissatisfied' : 'satisfied',
      comment: null,
      rated_at: ratedAt,
      bad: bad ? 1 : 0,
    })
    .execute();
}

/**
 * Friday 2026-11-27, 09:00 in Beijing (the harness clock); the trend's weeks start on Mondays
 * 2026-10-05 … 2026-11-23. Cases of the township (T), its village (V) and a township outside (E).
 */
async function figuresScene(
  h: Harness,
  { setup, admin }: { setup: { orgUnit: { id: string } }; admin: string },
) {
  const db = h.backend.runtime.db;
  const T = setup.orgUnit.id;
  const { village: V, elsewhere: E } = await addVillageAndNeighbour(db, T);
  const supervisor = (
    await addUser(h, admin, { username: 'boss', displayName: '周主任', role: 'supervisor' })
  ).token;
  const clerk = (
    await addUser(h, admin, { username: 'clerk1', displayName: '王芳', role: 'clerk' })
  ).token;
  const item = await addItem(db, T, { code: 'MZ-001', name: '最低生活保障申请' });
  const resident = { id: '', name: '张三丰' };
  resident.id = await addResident(db, T, { name: resident.name, docNumber: '330302199001011234' });
  let n = 0;
  const add = (orgUnitId: string, fields: Partial<Parameters<typeof addCase>[1]>) =>
    addCase(db, {
      caseNo: `330302001-01-2026-${String((n += 1)).padStart(4, '0')}`,
      orgUnitId,
      item,
      resident,
      state: 'accepted',
      createdAt: '2026-11-27T00:30:00.000Z',
      ...fields,
    });
  await add(T, { dueDate: '2026-12-04' });
  // 00:10 in Beijing today, though still the 26th in UTC.
  const doneToday = await add(T, {
    createdAt: '2026-11-26T16:10:00.000Z',
    state: 'completed',
    completedDate: '2026-11-27',
  });
  // 23:50 in Beijing yesterday: this week, not today; and overdue.
  await add(T, { createdAt: '2026-11-26T15:50:00.000Z', dueDate: '2026-11-25' });
  const lastWeek = await add(V, {
    createdAt: '2026-11-16T02:00:00.000Z',
    state: 'completed',
    completedDate: '2026-11-20',
  });
  // Before the trend's first week, and overdue since.
  const before = await add(T, {
    createdAt: '2026-10-01T02:00:00.000Z',
    state: 'processing',
    dueDate: '2026-10-10',
  });
  // A village draft past its hand-off limit counts as overdue as on the 已超期 list.
  await add(V, {
    createdAt: '2026-11-19T02:00:00.000Z',
    state: 'agency_draft',
    channel: 'agency',
    handoffDueDate: '2026-11-24',
  });
  const elsewhere = await add(E, { dueDate: '2026-11-20' });
  await addRating(db, T, doneToday, '2026-11-27T00:40:00.000Z', true);
  await addRating(db, V, lastWeek, '2026-11-27T00:50:00.000Z', false);
  await addRating(db, T, before, '2026-11-10T02:00:00.000Z', true);
  await addRating(db, E, elsewhere, '2026-11-27T00:45:00.000Z', true);
  return { supervisor, clerk, orgIds: [T, V] };
}

const test = fileTest.extend('figures', FILE, ({ harness, township }) =>
  figuresScene(harness, township),
);

describe('the supervisor’s 工作台 figures', { timeout: SCENE_TIMEOUT_MS }, () => {
  test('count today by the Beijing day and eight weeks Monday to Sunday, in scope only', async ({
    harness: h,
    figures: { supervisor },
  }) => {
    const figures = await h.ok('cases.dashboardFigures', {}, supervisor);
    expect(figures.today).toBe('2026-11-27');
    expect(figures.todayFlow).toEqual({ takenIn: 2, completed: 1, ratings: 2, badRatings: 1 });
    expect(figures.overdue).toBe(3);
    expect(figures.weeks.map((week) => week.weekStart)).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(figures.weeks.map((week) => week.takenIn)).toEqual([0, 0, 0, 0, 0, 0, 2, 3]);
    expect(figures.weeks.map((week) => week.completed)).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
    expect(figures.weeks.map((week) => week.ratings)).toEqual([0, 0, 0, 0, 0, 1, 0, 2]);
    expect(figures.weeks.map((week) => week.badRatings)).toEqual([0, 0, 0, 0, 0, 1, 0, 1]);
  });

  test('are the supervisor’s: a clerk is refused', async ({ harness: h, figures: { clerk } }) => {
    expect(await h.code('cases.dashboardFigures', {}, clerk)).toBe('FORBIDDEN');
  });

  test('read index entries only for the flows, and only the overdue cases’ rows', async ({
    harness: h,
    figures: { orgIds },
  }) => {
    const db = h.backend.runtime.db;
    const span = { fromIso: '2026-10-04T16:00:00.000Z', toIso: '2026-10-11T16:00:00.000Z' };
    const plan = async (query: RawBuilder<unknown>) =>
      (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(db)).rows
        .map((row) => row.detail)
        .join('; ');
    for (const query of [
      casesInSpanSql(orgIds, 'completed_at', span),
      ratingsInSpanSql(orgIds, span),
    ]) {
      expect(await plan(query)).toMatch(/USING COVERING INDEX \w+_count \(org_unit_id=\? AND/);
    }
    // The intake index of the lists: a row read per case taken in, for its deleted_at.
    expect(await plan(casesInSpanSql(orgIds, 'created_at', span))).toMatch(
      /USING INDEX cases_live_org_created \(org_unit_id=\? AND created_at>\? AND created_at<\?\)/,
    );
    // Only the overdue cases' rows: the range on due_date stops at today.
    expect(await plan(runningOverdueSql(orgIds, '2026-11-27'))).toMatch(
      /USING INDEX cases_live_org_state_due \(org_unit_id=\? AND state=\? AND due_date<\?\)/,
    );
  });
});
