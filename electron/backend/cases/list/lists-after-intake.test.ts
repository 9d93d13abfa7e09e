import { describe, expect } from 'vitest';
import { counterFileTest, type CounterScene, SCENE_TIMEOUT_MS } from '../../testing/cases';
import { addResident } from '../../testing/case-rows';
import { FILE } from '../../testing/fixtures';
import type { Harness } from '../../testing/harness';
import { COMPLETE, IN_PERSON, moveClockTo, received } from '../../testing/township';

/**
 * The lists, the 工作台 and the statistics over cases that intake and the workflow really wrote, at
 * 东城街道 on Tuesday 2025-09-30, the last working day before the National Day holiday: five cases
 * of the pension item (5 working days) — two completed the same day, one waiting for 补正, one
 * refused, and one accepted that day, due 2025-10-14 after the holiday, and completed on the 15th.
 */
type Name = 'done' | 'alsoDone' | 'waiting' | 'refused' | 'late';
type Written = { id: string; caseNo: string; dueDate: string | null };

async function writeFiveCases(h: Harness, scene: CounterScene) {
  const cases = {} as Record<Name, Written>;
  const { clerk, supervisor } = scene;
  const township = h.backend.runtime.terminal!.orgUnitId;
  const residentId = await addResident(h.backend.runtime.db, township, {
    name: '李阿婆',
    docNumber: '330324195603080226',
  });
  const base = { residentId, itemId: scene.itemId };
  const accept = () =>
    h.ok('cases.intake', { ...base, outcome: 'complete', materials: COMPLETE }, clerk);
  cases.done = await accept();
  cases.alsoDone = await accept();
  cases.waiting = await h.ok(
    'cases.intake',
    { ...base, outcome: 'incomplete', materials: [...received(0, 1, 2), ...IN_PERSON] },
    clerk,
  );
  cases.refused = await h.ok(
    'cases.intake',
    {
      ...base,
      outcome: 'not_ours',
      materials: [],
      rejectReason: '申请人户籍不在本县',
      redirectTo: '户籍所在地乡镇便民服务中心',
    },
    clerk,
  );
  cases.late = await accept();
  await h.ok('cases.transition', { caseId: cases.done.id, action: 'complete' }, clerk);
  await h.ok('cases.transition', { caseId: cases.alsoDone.id, action: 'complete' }, clerk);
  moveClockTo(h, '2025-10-15T01:30:00.000Z', [clerk, supervisor]);
  await h.ok('cases.transition', { caseId: cases.late.id, action: 'complete' }, clerk);
  return cases;
}

const test = counterFileTest.extend('cases', FILE, ({ harness, township }) =>
  writeFiveCases(harness, township),
);

describe('over cases written by intake and the workflow', { timeout: SCENE_TIMEOUT_MS }, () => {
  test('lists them newest first and finds them by name, pinyin, item and number', async ({
    harness: h,
    township: scene,
    cases,
  }) => {
    const ids = async (query: string) =>
      (await h.ok('cases.list', { query }, scene.clerk)).rows.map((row) => row.id);
    const all = [cases.late, cases.refused, cases.waiting, cases.alsoDone, cases.done].map(
      (row) => row.id,
    );
    expect(await ids('')).toEqual(all);
    expect(await ids('李阿婆')).toEqual(all);
    expect(await ids('阿婆')).toEqual(all);
    expect(await ids('lap')).toEqual(all);
    expect(await ids('养老')).toEqual(all);
    expect(cases.waiting.caseNo).toBe('330324001-01-20250930-0003');
    expect(await ids('20250930-0003')).toEqual([cases.waiting.id]);
    expect(await ids('202509300003')).toEqual([cases.waiting.id]);
  });

  test('sorts by the promised date across the holiday, cases without one last', async ({
    harness: h,
    township: scene,
    cases,
  }) => {
    expect(cases.late.dueDate).toBe('2025-10-14');
    const { rows } = await h.ok(
      'cases.list',
      { sortBy: 'dueDate', sortDir: 'asc', states: ['completed', 'pending_supplement'] },
      scene.clerk,
    );
    expect(rows.map((row) => [row.id, row.dueDate])).toEqual([
      [cases.done.id, '2025-10-14'],
      [cases.alsoDone.id, '2025-10-14'],
      [cases.late.id, '2025-10-14'],
      [cases.waiting.id, null],
    ]);
  });

  test('puts them on the clerk’s 工作台', async ({ harness: h, township: scene, cases }) => {
    const dashboard = await h.ok('cases.dashboard', {}, scene.clerk);
    expect(dashboard.pendingSupplement.map((row) => row.id)).toEqual([cases.waiting.id]);
    expect(dashboard.readyToHandOut.map((row) => row.id)).toEqual([
      cases.done.id,
      cases.alsoDone.id,
      cases.late.id,
    ]);
    expect(dashboard.overdue).toEqual([]);
  });

  test('counts them in the month’s statistics: two of three completed on time', async ({
    harness: h,
    township: scene,
  }) => {
    const stats = await h.ok(
      'stats.counter',
      { from: '2025-09-01', to: '2025-09-30' },
      scene.supervisor,
    );
    expect(stats.totals).toEqual({
      takenIn: 5,
      accepted: 3,
      completed: 3,
      completedOnTime: 2,
      overdue: 1,
      supplement: 1,
      rejected: 1,
      onTimeRate: 2 / 3,
    });
  });
});
