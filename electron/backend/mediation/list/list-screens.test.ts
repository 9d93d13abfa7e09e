import { CompiledQuery } from 'kysely';
import { describe, expect } from 'vitest';
import { listQuerySql } from './disputes-repository';
import { SET_UP_TIME, staffTest as test } from '../../testing/mediation-staff';
import { zhangAndLi } from '../../testing/mediation-inputs';
import { neighbourDispute } from '@shared/testing/people';

/** What the list and registration screens ask of the backend beyond the case file itself. */

test.beforeAll(
  ({ villageAMediator, townshipClerk }) => void [villageAMediator, townshipClerk],
  SET_UP_TIME,
);

describe('the deadline filter of the list', () => {
  test('finds the open cases due within five days or past their one-month clock', async ({
    harness: h,
    township: c,
    villageAMediator: mediator,
  }) => {
    // Accepted 2026-11-27: due 2026-12-27.
    const { dispute: early } = await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi()),
      mediator.token,
    );
    c.advanceDays(10);
    // Accepted 2026-12-07: due 2027-01-07.
    const { dispute: later } = await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi()),
      mediator.token,
    );
    const { dispute: notAccepted } = await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi(), { acceptNow: false }),
      mediator.token,
    );
    const ids = async (deadline: 'due_soon' | 'overdue') =>
      (await h.ok('mediation.list', { deadline }, mediator.token)).rows.map((row) => row.id);

    expect(await ids('due_soon')).toEqual([]);
    c.advanceDays(13); // 2026-12-20: the first is 7 days from its end.
    expect(await ids('due_soon')).toEqual([]);
    c.advanceDays(2); // 2026-12-22: 5 days left.
    expect(await ids('due_soon')).toEqual([early.id]);
    expect(await ids('overdue')).toEqual([]);
    c.advanceDays(6); // 2026-12-28: one day past.
    expect(await ids('overdue')).toEqual([early.id]);
    expect(await ids('due_soon')).toEqual([]);
    c.advanceDays(10); // 2027-01-07: the second's last day.
    expect(await ids('due_soon')).toEqual([later.id]);
    const all = await h.ok('mediation.list', {}, mediator.token);
    expect(all.rows.map((row) => row.id)).toContain(notAccepted.id);

    // A concluded case no longer warns, whatever its due date.
    await h.ok(
      'mediation.terminate',
      { disputeId: early.id, reason: '申请人撤回调解申请' },
      mediator.token,
    );
    expect(await ids('overdue')).toEqual([]);
  });

  test('reads the deadline filter through an index', async ({ harness: h, township: c }) => {
    const db = h.backend.runtime.db;
    const compiled = listQuerySql(db, {
      scope: [c.villageAId],
      access: 'owner',
      query: '',
      types: [],
      states: [],
      riskLevels: [],
      deadline: { status: 'overdue', today: '2026-12-01', soonUntil: '2026-12-06' },
    });
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
    );
    const details = plan.rows.map((row) => row.detail);
    expect(
      details.filter((detail) => /^SCAN d\b/.test(detail)),
      details.join(' | '),
    ).toEqual([]);
  });
});

describe('reference lists for the screens', () => {
  test('gives every role the lists the backend checks codes against', async ({
    harness: h,
    villageAMediator: mediator,
    townshipClerk: clerk,
  }) => {
    const reference = await h.ok('mediation.reference', {}, clerk.token);
    expect(reference.disputeTypes.map((type) => type.label)).toContain('邻里');
    expect(reference.disputeTypes[1]).toMatchObject({
      code: 'neighbour',
      description: expect.any(String),
    });
    expect(reference.transferOrigins.map((origin) => origin.label)).toContain('公安机关');
    expect(reference.committeeKinds.map((kind) => kind.code)).toContain('village');
    expect(reference.mediatorBackgrounds.map((background) => background.label)).toEqual(
      expect.arrayContaining(['退休法官', '律师', '乡贤']),
    );

    // A code from the list is accepted where the backend checks it.
    const origin = reference.transferOrigins.find((entry) => entry.label === '公安机关')!;
    const { dispute } = await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi(), { source: 'transfer', transferOrigin: origin.code }),
      mediator.token,
    );
    expect(dispute.transferOrigin).toBe(origin.code);
  });
});
