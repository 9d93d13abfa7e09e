import { describe, expect } from 'vitest';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { SET_UP_TIME, staffTest as test } from '../../testing/mediation-staff';
import { sessionOf, zhangAndLi } from '../../testing/mediation-inputs';
import { IDS, neighbourDispute, person } from '@shared/testing/people';

test.beforeAll(
  ({ townshipMediator, supervisor }) => void [townshipMediator, supervisor],
  SET_UP_TIME,
);

describe('risk early warning', () => {
  test("lists each flagged case with the rules that fired, by the supervisor's thresholds", async ({
    harness: h,
    township: c,
    townshipMediator: mediator,
    supervisor,
  }) => {
    const settings = await h.ok(
      'mediation.updateSettings',
      { abbreviation: '东城', riskThresholds: { amountFen: 10_000_000, people: 10 } },
      supervisor.token,
    );
    expect(settings).toMatchObject({
      abbreviation: '东城',
      effectiveAbbreviation: '东城',
      riskThresholds: { amountFen: 10_000_000, people: 10 },
    });
    const register = async (input: Parameters<typeof neighbourDispute>) =>
      (await h.ok('mediation.register', neighbourDispute(...input), mediator.token)).dispute;

    const first = await register([zhangAndLi(), { place: '城东社区1号院', amountFen: null }]);
    expect(first.caseNo).toBe('（2026）东城人调字第1号');
    c.advanceDays(40);
    const second = await register([
      [person('张三', IDS.zhang), person('王五', IDS.wang, 'respondent')],
      { place: '城东社区 １号院', amountFen: null },
    ]);
    const large = await register([
      [person('钱七', IDS.qian), person('孙八', IDS.sun, 'respondent')],
      { place: '望江社区', amountFen: 12_000_000, peopleInvolved: 12, riskLevel: 'major' },
    ]);
    const quiet = await register([
      [
        person('赵六', IDS.zhao),
        {
          kind: 'organisation',
          role: 'respondent',
          name: '东城建材商行',
          creditCode: '92330324MA2XYB0A1B',
        },
      ],
      { place: '峙口社区', amountFen: null },
    ]);

    // The quiet case settles, and the follow-up finds the conflict flaring up again.
    const mediatorId = (
      await h.ok(
        'mediators.create',
        { name: '吴志明', committeeKind: 'township', background: 'lawyer', specialties: [] },
        supervisor.token,
      )
    ).id;
    await h.ok(
      'mediation.recordSession',
      sessionOf(h, quiet.id, [mediatorId], {
        place: '街道调解室',
        attendees: ['赵六', '商行店主'],
        agreed: true,
      }),
      mediator.token,
    );
    const [zhao, shop] = quiet.parties;
    await h.ok(
      'mediation.assignMediators',
      { disputeId: quiet.id, leadMediatorId: mediatorId },
      mediator.token,
    );
    const settled = await h.ok(
      'mediation.recordAgreement',
      {
        disputeId: quiet.id,
        agreement: {
          form: 'oral',
          responsibilities: { [zhao!.id]: '', [shop!.id]: '' },
          obligations: [{ obligorPartyId: shop!.id, content: '退还货款' }],
          agreedOn: shanghaiDate(h.clock.now()),
        },
      },
      mediator.token,
    );
    c.advanceDays(5);
    await h.ok(
      'mediation.recordFollowUp',
      {
        followUpId: settled.followUps[0]!.id,
        visitedOn: shanghaiDate(h.clock.now()),
        method: 'visit',
        performance: 'not_performed',
        satisfaction: 'dissatisfied',
        renewedConflict: true,
      },
      mediator.token,
    );

    const flags = await h.ok('mediation.riskFlags', {}, supervisor.token);
    const byCase = new Map(flags.map((flag) => [flag.dispute.caseNo, flag.rules]));
    expect(flags[0]?.dispute.id).toBe(large.id);
    expect(byCase.get(large.caseNo)?.map((rule) => [rule.rule, rule.description])).toEqual([
      ['major_risk', '风险等级为重大，须立即报告'],
      ['amount', '涉及金额120000元，达到预警线100000元'],
      ['people', '涉及人数12人，达到预警线10人'],
    ]);
    expect(byCase.get(second.caseNo)).toEqual([
      {
        rule: 'repeat_party',
        description: '当事人张三近12个月内涉及2起纠纷（含本案）',
        related: [{ id: first.id, caseNo: first.caseNo }],
      },
      {
        rule: 'repeat_address',
        description: '地址“城东社区 １号院”近12个月内发生2起纠纷（含本案）',
        related: [{ id: first.id, caseNo: first.caseNo }],
      },
    ]);
    expect(byCase.get(first.caseNo)?.map((rule) => rule.rule)).toEqual([
      'repeat_party',
      'repeat_address',
    ]);
    expect(byCase.get(quiet.caseNo)?.map((rule) => rule.description)).toEqual([
      `${shanghaiDate(h.clock.now())}回访发现矛盾出现反复`,
    ]);
    expect(flags).toHaveLength(4);

    // Thresholds switched off: the amount and people rules no longer fire.
    await h.ok(
      'mediation.updateSettings',
      { abbreviation: null, riskThresholds: { amountFen: null, people: null } },
      supervisor.token,
    );
    const after = await h.ok('mediation.riskFlags', {}, supervisor.token);
    expect(after.find((flag) => flag.dispute.id === large.id)?.rules.map((r) => r.rule)).toEqual([
      'major_risk',
    ]);
    expect(await h.call('mediation.riskFlags', {}, mediator.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
