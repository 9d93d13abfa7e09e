import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { addResident } from './queries-fixture';
import { COMPLETE, counterScene, IN_PERSON, received, SETUP_TIMEOUT_MS } from './test-fixtures';

/**
 * The lists, the 工作台 and the statistics over cases that intake and the workflow really wrote, at
 * 东城街道 on Tuesday 2025-09-30: one case accepted and completed, one waiting for 补正, one refused.
 */
let h: Harness;
let scene: Awaited<ReturnType<typeof counterScene>>;
const cases: Record<'done' | 'waiting' | 'refused', { id: string; caseNo: string }> = {
  done: { id: '', caseNo: '' },
  waiting: { id: '', caseNo: '' },
  refused: { id: '', caseNo: '' },
};

beforeAll(async () => {
  h = await createHarness();
  scene = await counterScene(h);
  const township = h.backend.runtime.terminal!.orgUnitId;
  const residentId = await addResident(h.backend.runtime.db, township, {
    name: '李阿婆',
    docNumber: '330324195603080226',
  });
  const base = { residentId, itemId: scene.itemId };
  const { clerk } = scene;
  const done = await h.ok(
    'cases.intake',
    { ...base, outcome: 'complete', materials: COMPLETE },
    clerk,
  );
  const waiting = await h.ok(
    'cases.intake',
    { ...base, outcome: 'incomplete', materials: [...received(0, 1, 2), ...IN_PERSON] },
    clerk,
  );
  const refused = await h.ok(
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
  await h.ok('cases.transition', { caseId: done.id, action: 'complete' }, clerk);
  cases.done = done;
  cases.waiting = waiting;
  cases.refused = refused;
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await h.cleanup();
});

describe('over cases written by intake and the workflow', { timeout: SETUP_TIMEOUT_MS }, () => {
  it('lists them newest first and finds them by name, pinyin, item and number', async () => {
    const ids = async (query: string) =>
      (await h.ok('cases.list', { query }, scene.clerk)).rows.map((row) => row.id);
    const all = [cases.refused.id, cases.waiting.id, cases.done.id];
    expect(await ids('')).toEqual(all);
    expect(await ids('李阿婆')).toEqual(all);
    expect(await ids('阿婆')).toEqual(all);
    expect(await ids('lap')).toEqual(all);
    expect(await ids('养老')).toEqual(all);
    expect(cases.waiting.caseNo).toBe('330324001-01-20250930-0002');
    expect(await ids('20250930-0002')).toEqual([cases.waiting.id]);
    expect(await ids('202509300002')).toEqual([cases.waiting.id]);
  });

  it('puts them on the clerk’s 工作台', async () => {
    const dashboard = await h.ok('cases.dashboard', {}, scene.clerk);
    expect(dashboard.pendingSupplement.map((row) => row.id)).toEqual([cases.waiting.id]);
    expect(dashboard.readyToHandOut.map((row) => row.id)).toEqual([cases.done.id]);
  });

  it('counts them in the month’s statistics', async () => {
    const stats = await h.ok(
      'stats.counter',
      { from: '2025-09-01', to: '2025-09-30' },
      scene.supervisor,
    );
    expect(stats.totals).toEqual({
      takenIn: 3,
      accepted: 1,
      completed: 1,
      completedOnTime: 1,
      overdue: 0,
      supplement: 1,
      rejected: 1,
      onTimeRate: 1,
    });
  });
});
