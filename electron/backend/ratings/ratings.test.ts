import { describe, expect } from 'vitest';
import { addResident, ensureItem, SETUP_TIMEOUT_MS } from '../testing/township';
import { orgScope } from '../org/repository';
import { demoTest } from '../testing/fixtures';
import { followupPageQuery } from './repository';

/** 冯奶奶 and the pension item, for the clerk to take in. */
const test = demoTest.extend('visit', async ({ harness: h, township: _township }) => {
  const { id: residentId } = await addResident(h, { name: '冯奶奶', serial: 74 });
  return { residentId, itemId: await ensureItem(h, 'ZJ-XZ-0003') };
});

describe('ratings', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('rates a visit only once it produced a notice, an acceptance or a result', async ({
    harness: h,
    clerk,
    visit: { residentId, itemId },
  }) => {
    const opened = await h.ok(
      'cases.intake',
      { residentId, itemId, outcome: 'incomplete', materials: [] },
      clerk,
    );
    await h.ok('cases.transition', { caseId: opened.id, action: 'withdraw' }, clerk);
    const withdrawn = await h.call(
      'ratings.submit',
      { caseId: opened.id, level: 'satisfied' },
      clerk,
    );
    expect(withdrawn.ok ? null : withdrawn.error).toEqual({
      code: 'RATING_NOT_AVAILABLE',
      message: '受理或办结之后才能评价',
    });
    const waiting = await h.ok(
      'cases.intake',
      { residentId, itemId, outcome: 'incomplete', materials: [] },
      clerk,
    );
    const rated = await h.ok(
      'ratings.submit',
      { caseId: waiting.id, level: 'basically_satisfied' },
      clerk,
    );
    expect(rated).toEqual({ bad: false, followupId: null });
  });

  test('lists follow-ups through the org/state/due index, not a scan', async ({
    harness: h,
    township: _township,
  }) => {
    const rt = h.backend.runtime;
    const scope = await orgScope(rt.db, rt.terminal!.orgUnitId);
    for (const state of ['open', undefined] as const) {
      const { sql, parameters } = followupPageQuery(rt.db, scope, state)
        .select(['f.id'])
        .orderBy('f.due_date')
        .compile();
      const plan = rt.sqlite
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...(parameters as unknown[])) as { detail: string }[];
      const details = plan.map((step) => step.detail);
      expect(details.some((detail) => detail.includes('rating_followups_org'))).toBe(true);
      expect(details.filter((detail) => /^SCAN /.test(detail))).toEqual([]);
    }
  });
});
