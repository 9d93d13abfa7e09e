import { describe, expect } from 'vitest';
import { FILE, SET_UP_TIME, staffTest } from '../../testing/mediation-staff';
import { sessionOf, today, zhangAndLi } from '../../testing/mediation-inputs';
import { IDS, neighbourDispute, person } from '@shared/testing/people';

const test = staffTest
  .extend('roster', FILE, ({ harness: h, supervisor }) => {
    return async (name: string, orgUnitId: string, committeeKind: string) =>
      (
        await h.ok(
          'mediators.create',
          { name, committeeKind, background: 'retired_judge', specialties: [], orgUnitId },
          supervisor.token,
        )
      ).id;
  })
  .extend('villageMediatorId', FILE, ({ township: c, roster }) =>
    roster('陈秀英', c.villageAId, 'village'),
  )
  .extend('townshipMediatorId', FILE, ({ township: c, roster }) =>
    roster('吴志明', c.townshipId, 'township'),
  )
  .extend('session', ({ harness: h }) => {
    return (token: string, disputeId: string, mediatorId: string) =>
      h.ok('mediation.recordSession', sessionOf(h, disputeId, [mediatorId]), token);
  });

test.beforeAll(
  ({
    villageAMediator,
    villageBMediator,
    townshipMediator,
    villageMediatorId,
    townshipMediatorId,
  }) =>
    void [
      villageAMediator,
      villageBMediator,
      townshipMediator,
      villageMediatorId,
      townshipMediatorId,
    ],
  SET_UP_TIME,
);

describe('escalation village → township → county', () => {
  test('register at a village → failed → escalated → the township resolves it; the village still reads it', async ({
    harness: h,
    township: c,
    villageAMediator: villageA,
    villageBMediator: villageB,
    townshipMediator: township,
    supervisor,
    villageMediatorId,
    townshipMediatorId,
    session,
  }) => {
    const { dispute } = await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi(), {
        type: 'house_homestead',
        amountFen: 8_000_000,
      }),
      villageA.token,
    );
    const registeredOn = today(h);
    await session(villageA.token, dispute.id, villageMediatorId);
    const failed = await h.ok(
      'mediation.recordFailure',
      {
        disputeId: dispute.id,
        reason: '双方对宅基地界址分歧较大',
        routesTold: ['litigation', 'administrative'],
      },
      villageA.token,
    );
    expect(failed).toMatchObject({
      state: 'failed',
      outcome: 'failed',
      routesTold: ['litigation', 'administrative'],
      availableActions: ['escalate', 'close'],
    });

    c.advanceDays(1);
    const escalated = await h.ok(
      'mediation.escalate',
      { disputeId: dispute.id, reason: '涉及宅基地确权，需街道协调' },
      villageA.token,
    );
    expect(escalated).toMatchObject({
      state: 'escalated',
      outcome: null,
      failureReason: null,
      ownerOrgName: '东城街道',
      ownerLevel: 'township',
      registeredOrgName: '城东社区',
      readerOrgs: [{ id: c.villageAId, name: '城东社区' }],
      access: 'reader',
      canWrite: false,
      availableActions: [],
      mediators: [],
      clock: null,
    });
    expect(escalated.events.at(-1)).toMatchObject({
      action: 'escalate',
      fromState: 'failed',
      toState: 'escalated',
      fromOrgName: '城东社区',
      toOrgName: '东城街道',
    });

    // The village reads, but no longer moves the case; another village does not even read it.
    expect(
      await h.call(
        'mediation.recordSession',
        sessionOf(h, dispute.id, [villageMediatorId], { place: '村委会', attendees: ['张三'] }),
        villageA.token,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '该案件由其他单位承办，本单位只能查看' },
    });
    expect(await h.call('mediation.get', { disputeId: dispute.id }, villageB.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await h.ok('mediation.list', {}, villageB.token)).total).toBe(0);
    const passedUp = await h.ok('mediation.list', { access: 'reader' }, villageA.token);
    expect(passedUp.rows.map((row) => [row.id, row.access])).toEqual([[dispute.id, 'reader']]);
    expect((await h.ok('mediation.list', { access: 'owner' }, villageA.token)).total).toBe(0);

    // The township accepts what was passed up and resolves it.
    const board = await h.ok('mediation.dashboard', {}, township.token);
    expect(board.awaitingAcceptance.map((item) => item.id)).toEqual([dispute.id]);
    const accepted = await h.ok('mediation.accept', { disputeId: dispute.id }, township.token);
    expect(accepted).toMatchObject({
      state: 'accepted',
      acceptedOn: registeredOn,
      access: 'owner',
      canWrite: true,
    });
    expect(accepted.clock?.dueDate).toBe(accepted.dueDate);
    await h.ok(
      'mediation.assignMediators',
      { disputeId: dispute.id, leadMediatorId: townshipMediatorId },
      township.token,
    );
    expect(
      await h.call(
        'mediation.assignMediators',
        { disputeId: dispute.id, leadMediatorId: villageMediatorId },
        township.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'MEDIATOR_UNAVAILABLE' } });
    const held = await session(township.token, dispute.id, townshipMediatorId);
    const [zhang, li] = held.parties;
    await h.ok(
      'mediation.recordAgreement',
      {
        disputeId: dispute.id,
        agreement: {
          form: 'written',
          facts: '两家宅基地界址不清。',
          disputedMatters: '界址走向。',
          responsibilities: { [zhang!.id]: '无', [li!.id]: '无' },
          obligations: [
            {
              obligorPartyId: li!.id,
              content: '按国土所测绘结果拆除越界围墙',
              method: '自行拆除',
              place: '李四家',
              deadline: '2027-01-31',
            },
          ],
          agreedOn: today(h),
        },
      },
      township.token,
    );

    const seenBelow = await h.ok('mediation.get', { disputeId: dispute.id }, villageA.token);
    expect(seenBelow).toMatchObject({
      state: 'succeeded',
      outcome: 'succeeded',
      access: 'reader',
      canWrite: false,
      ownerOrgName: '东城街道',
      leadMediatorName: '吴志明',
    });
    expect(seenBelow.sessions.map((s) => s.orgUnitName)).toEqual(['城东社区', '东城街道']);

    // Counted once, at the level that resolved it; the village's own statistics do not claim it.
    const period = { from: '2026-11-01', to: '2026-12-31', granularity: 'year' as const };
    const stats = await h.ok('mediation.stats', period, supervisor.token);
    expect(stats.byLevel).toEqual([
      expect.objectContaining({
        group: 'township',
        accepted: 1,
        concluded: 1,
        succeeded: 1,
        amountFen: 8_000_000,
      }),
    ]);
    expect(stats.shareByLevel).toEqual({
      resolved: 1,
      byLevel: {
        village: { count: 0, percent: 0 },
        township: { count: 1, percent: 100 },
        county: { count: 0, percent: 0 },
      },
    });
    const villageStats = await h.ok('mediation.stats', period, villageA.token);
    expect(villageStats.totals).toMatchObject({ accepted: 0, succeeded: 0 });
  });

  test('passes a township case up to the county centre; the township keeps reading it', async ({
    harness: h,
    township: c,
    townshipMediator: township,
    supervisor,
  }) => {
    const { dispute } = await h.ok(
      'mediation.register',
      neighbourDispute([person('王五', IDS.wang), person('赵六', IDS.zhao, 'respondent')]),
      township.token,
    );
    expect(dispute.caseNo).toMatch(/^（2026）永东城人调字第\d+号$/);
    const up = await h.ok(
      'mediation.escalate',
      { disputeId: dispute.id, reason: '涉及多部门' },
      township.token,
    );
    expect(up).toMatchObject({
      state: 'escalated',
      ownerOrgId: c.countyId,
      ownerOrgName: '永嘉县',
      ownerLevel: 'county',
      access: 'reader',
    });
    expect(await h.ok('mediation.get', { disputeId: dispute.id }, supervisor.token)).toMatchObject({
      access: 'reader',
      canWrite: false,
    });
    expect(
      await h.call(
        'mediation.escalate',
        { disputeId: dispute.id, reason: '再上交' },
        township.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
