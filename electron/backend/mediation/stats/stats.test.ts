import { describe, expect } from 'vitest';
import ExcelJS from 'exceljs';
import type { MethodInput } from '@shared/api';
import type { Harness } from '../../testing/harness';
import { staffTest as test } from '../../testing/mediation-staff';
import { assignAndHold, today, zhangAndLi } from '../../testing/mediation-inputs';
import { neighbourDispute } from '@shared/testing/people';

async function rosterOf(h: Harness, supervisor: string, orgUnitId: string, committeeKind: string) {
  return (
    await h.ok(
      'mediators.create',
      {
        name: `调解员${committeeKind}`,
        committeeKind,
        background: 'lawyer',
        specialties: [],
        orgUnitId,
      },
      supervisor,
    )
  ).id;
}

async function mediating(
  h: Harness,
  token: string,
  mediatorId: string,
  input: MethodInput<'mediation.register'>,
) {
  const { dispute } = await h.ok('mediation.register', input, token);
  await assignAndHold(h, token, dispute.id, mediatorId, { attendees: ['双方'], agreed: true });
  return dispute;
}

async function agree(h: Harness, token: string, disputeId: string, partyIds: string[]) {
  return h.ok(
    'mediation.recordAgreement',
    {
      disputeId,
      agreement: {
        form: 'written',
        facts: '事实',
        disputedMatters: '争议',
        responsibilities: Object.fromEntries(partyIds.map((id) => [id, '无'])),
        obligations: [
          {
            obligorPartyId: partyIds[1]!,
            content: '赔偿',
            method: '现金',
            place: '调解室',
            deadline: '2026-12-31',
          },
        ],
        agreedOn: today(h),
      },
    },
    token,
  );
}

/** A hand-made November and December: what each measure must count is known case by case. */
test.beforeAll(
  async ({
    harness: h,
    township: c,
    villageAMediator: village,
    townshipMediator: township,
    supervisor,
  }) => {
    const villageMediator = await rosterOf(h, supervisor.token, c.villageAId, 'village');
    const townshipMediator = await rosterOf(h, supervisor.token, c.townshipId, 'township');

    // 2026-11-27: a success, a failure, a termination, one not accepted, and an event report.
    const success = await mediating(
      h,
      village.token,
      villageMediator,
      neighbourDispute(zhangAndLi()),
    );
    const signed = await agree(
      h,
      village.token,
      success.id,
      success.parties.map((party) => party.id),
    );
    const failure = await mediating(
      h,
      village.token,
      villageMediator,
      neighbourDispute(zhangAndLi(), {
        type: 'contract',
        source: 'transfer',
        transferOrigin: 'police',
        amountFen: 2_000_000,
      }),
    );
    await h.ok(
      'mediation.recordFailure',
      { disputeId: failure.id, reason: '分歧大', routesTold: ['litigation'] },
      village.token,
    );
    const { dispute: terminated } = await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi(), { source: 'grid_report', amountFen: null }),
      village.token,
    );
    await h.ok(
      'mediation.terminate',
      { disputeId: terminated.id, reason: '当事人撤回申请' },
      village.token,
    );
    await h.ok(
      'mediation.register',
      neighbourDispute(zhangAndLi(), { type: 'marriage_family', acceptNow: false }),
      village.token,
    );
    await h.ok(
      'eventReports.create',
      { category: 'safety_hazard', title: '危房', description: '村口老屋墙体开裂' },
      village.token,
    );

    // 2026-12-03: the November success is performed and confirmed; the township resolves one.
    c.advanceDays(6);
    await h.ok(
      'mediation.recordFollowUp',
      {
        followUpId: signed.followUps[0]!.id,
        visitedOn: today(h),
        method: 'phone',
        performance: 'performed',
        satisfaction: 'satisfied',
        renewedConflict: false,
      },
      village.token,
    );
    await h.ok(
      'mediation.recordJudicialConfirmation',
      {
        disputeId: success.id,
        applied: true,
        appliedOn: today(h),
        court: '永嘉县人民法院',
        result: 'confirmed',
        resultOn: today(h),
      },
      village.token,
    );
    const hotline = await mediating(
      h,
      township.token,
      townshipMediator,
      neighbourDispute(zhangAndLi(), { source: 'hotline_12345', amountFen: 100_000 }),
    );
    await agree(
      h,
      township.token,
      hotline.id,
      hotline.parties.map((party) => party.id),
    );
  },
  180_000,
);

const zero = {
  accepted: 0,
  concluded: 0,
  succeeded: 0,
  performed: 0,
  judicialConfirmations: 0,
  amountFen: 0,
};

describe('statistics in the MoJ categories', () => {
  test('counts each measure in the month it happened, by type, source and level', async ({
    harness: h,
    villageAMediator: village,
    supervisor,
  }) => {
    const stats = await h.ok(
      'mediation.stats',
      { from: '2026-11-01', to: '2026-12-31', granularity: 'month' },
      supervisor.token,
    );
    expect(stats.byPeriod).toEqual([
      {
        ...zero,
        period: '2026-11',
        group: 'all',
        accepted: 3,
        concluded: 3,
        succeeded: 1,
        successRate: 1 / 3,
        amountFen: 2_500_000,
      },
      {
        period: '2026-12',
        group: 'all',
        accepted: 1,
        concluded: 1,
        succeeded: 1,
        successRate: 1,
        performed: 1,
        judicialConfirmations: 1,
        amountFen: 100_000,
      },
    ]);
    expect(stats.byType.filter((row) => row.period === '2026-11')).toEqual([
      expect.objectContaining({
        group: 'neighbour',
        accepted: 2,
        concluded: 2,
        succeeded: 1,
        amountFen: 500_000,
      }),
      expect.objectContaining({
        group: 'contract',
        accepted: 1,
        concluded: 1,
        succeeded: 0,
        amountFen: 2_000_000,
      }),
    ]);
    expect(stats.bySource.map((row) => [row.period, row.group, row.accepted])).toEqual([
      ['2026-11', 'application', 1],
      ['2026-11', 'transfer', 1],
      ['2026-11', 'grid_report', 1],
      ['2026-12', 'application', 0],
      ['2026-12', 'hotline_12345', 1],
    ]);
    expect(
      stats.byLevel.map((row) => [
        row.period,
        row.group,
        row.accepted,
        row.succeeded,
        row.performed,
      ]),
    ).toEqual([
      ['2026-11', 'village', 3, 1, 0],
      ['2026-12', 'township', 1, 1, 0],
      ['2026-12', 'village', 0, 0, 1],
    ]);
    expect(stats.totals).toMatchObject({
      period: '2026-11-01至2026-12-31',
      accepted: 4,
      concluded: 4,
      succeeded: 2,
      successRate: 0.5,
      performed: 1,
      judicialConfirmations: 1,
      amountFen: 2_600_000,
    });
    expect(stats.shareByLevel.byLevel).toEqual({
      village: { count: 1, percent: 50 },
      township: { count: 1, percent: 50 },
      county: { count: 0, percent: 0 },
    });
    expect(stats.eventReports).toEqual({
      count: 1,
      note: '事件报告（安全隐患、群体性事件苗头、重大信息等）单独报送，不计入受理数、调解成功数和调解成功率',
    });

    const quarter = await h.ok(
      'mediation.stats',
      { from: '2026-10-01', to: '2026-12-31', granularity: 'quarter' },
      supervisor.token,
    );
    expect(quarter.byPeriod).toEqual([
      expect.objectContaining({ period: '2026-Q4', accepted: 4, succeeded: 2, successRate: 0.5 }),
    ]);
    // A range that ends in November does not see December's events.
    const november = await h.ok(
      'mediation.stats',
      { from: '2026-11-01', to: '2026-11-30', granularity: 'year' },
      village.token,
    );
    expect(november.totals).toMatchObject({ accepted: 3, performed: 0, judicialConfirmations: 0 });
    expect(
      await h.call('mediation.stats', { from: '2026-12-01', to: '2026-11-01' }, supervisor.token),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  test('exports the monthly report with this month and the year to date, saying event reports are left out', async ({
    harness: h,
    supervisor,
  }) => {
    const file = await h.ok('mediation.statsExcel', { month: '2026-12' }, supervisor.token);
    expect(file.fileName).toBe('人民调解统计月报_东城街道_2026-12.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const sheet = workbook.getWorksheet('月报表')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]?.[0]).toBe('东城街道人民调解工作统计月报表');
    expect(rows[2]?.slice(0, 3)).toEqual(['项目', '受理（件）', '受理（件）']);
    expect(rows[3]?.slice(0, 3)).toEqual(['项目', '本月', '本年累计']);
    const byLabel = (label: string) => rows.filter((row) => row[0] === label);
    // 邻里: this month the township's case; the year also November's two.
    expect(byLabel('邻里')[0]?.slice(1, 7)).toEqual([1, 3, 1, 3, 1, 2]);
    expect(byLabel('合计')[0]?.slice(1, 3)).toEqual([1, 4]);
    expect(byLabel('乡镇（街道）')[0]?.slice(1, 3)).toEqual([1, 1]);
    const notes = rows.map((row) => String(row[0])).filter((text) => text.startsWith('说明'));
    expect(notes[0]).toContain('不计入受理数、调解成功数和调解成功率');
    expect(notes[0]).toContain('本月事件报告 0 件，本年累计 1 件');
  });
});
