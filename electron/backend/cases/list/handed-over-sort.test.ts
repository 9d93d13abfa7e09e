import { describe, expect } from 'vitest';
import type { MethodInput } from '@shared/api';
import { addCase } from '../../testing/case-rows';
import { caseListFileTest, SCENE_TIMEOUT_MS } from '../../testing/cases';
import { FILE } from '../../testing/fixtures';

/**
 * The list scenario's G, filed on the 26th and handed over that day, and N, filed a week earlier but
 * handed over only on the 27th: the inbox puts the case that has waited longest at the township first.
 */
const test = caseListFileTest.extend('late', FILE, ({ db, township: s }) =>
  addCase(db, {
    caseNo: '330302001001-01-20261119-0001',
    orgUnitId: s.village,
    item: s.items.dibao,
    resident: s.residents.wang,
    state: 'awaiting_receipt',
    createdAt: '2026-11-19T02:00:00.000Z',
    createdBy: s.agent.userId,
    channel: 'agency',
    agentUserId: s.agent.userId,
    agencyOrgId: s.village,
    handoffDueDate: '2026-11-24',
    handedOverAt: '2026-11-27T01:00:00.000Z',
    history: ['agency_draft'],
  }),
);

describe('the list by 移交时间', { timeout: SCENE_TIMEOUT_MS }, () => {
  test('puts the hand-off waiting longest first, whenever it was filed', async ({
    harness: h,
    township: s,
    late,
  }) => {
    const inbox: MethodInput<'cases.list'> = { states: ['awaiting_receipt'], channel: 'agency' };
    const byFiling = await h.ok('cases.list', { ...inbox, sortDir: 'asc' }, s.clerk.token);
    expect(byFiling.rows.map((row) => row.id)).toEqual([late, s.ids.G]);
    const byHandOver = await h.ok(
      'cases.list',
      { ...inbox, sortBy: 'handedOverAt', sortDir: 'asc' },
      s.clerk.token,
    );
    expect(byHandOver.rows.map((row) => row.id)).toEqual([s.ids.G, late]);
  });

  test('keeps the cases never handed over last, in either direction', async ({
    harness: h,
    township: s,
    late,
  }) => {
    for (const sortDir of ['asc', 'desc'] as const) {
      const { rows, total } = await h.ok(
        'cases.list',
        { sortBy: 'handedOverAt', sortDir },
        s.clerk.token,
      );
      expect(total).toBe(9);
      const handed = sortDir === 'asc' ? [s.ids.G, late] : [late, s.ids.G];
      expect(rows.slice(0, 2).map((row) => row.id)).toEqual(handed);
      expect(rows.slice(2).every((row) => row.handedOverAt === null)).toBe(true);
    }
  });
});
