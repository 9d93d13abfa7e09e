import { describe, expect } from 'vitest';
import { FILE, SET_UP_TIME, staffTest } from '../testing/mediation-staff';
import { IDS, neighbourDispute, person } from '@shared/testing/people';

const agent = { agentName: '李小明', agentPhone: '13900139000', attorneyDate: '2026-11-26' };

const cadre = (name: string, specialties: ('neighbour' | 'contract')[]) => ({
  name,
  background: 'village_cadre' as const,
  specialties,
});

const test = staffTest
  .extend('memberId', FILE, async ({ enrol }) => (await enrol(cadre('周建国', ['contract']))).id)
  .extend('leadId', FILE, async ({ enrol }) => (await enrol(cadre('陈秀英', ['neighbour']))).id)
  .extend('registerAndMediate', ({ harness: h, villageAMediator: mediator, leadId, memberId }) => {
    return async () => {
      const { dispute } = await h.ok(
        'mediation.register',
        neighbourDispute([
          person('张三', IDS.zhang),
          { ...person('李四', IDS.li, 'respondent'), ...agent },
        ]),
        mediator.token,
      );
      await h.ok(
        'mediation.assignMediators',
        { disputeId: dispute.id, leadMediatorId: leadId, memberMediatorIds: [memberId] },
        mediator.token,
      );
      const [zhang, li] = dispute.parties;
      await h.ok(
        'mediation.recordSession',
        {
          disputeId: dispute.id,
          heldOn: '2026-11-27',
          place: '城东社区调解室',
          mediatorIds: [leadId, memberId],
          recorderName: '王记录',
          attendees: ['张三（申请人）', '李四（被申请人）', '李小明（代理人）'],
          statements: [
            { partyId: zhang!.id, text: '李家院墙的排水管对着我家院子。' },
            { partyId: li!.id, text: '排水管是十年前装的，一直没问题。' },
          ],
          agreed: false,
          result: '双方分歧较大，约定三日后再调',
        },
        mediator.token,
      );
      return { dispute, zhang: zhang!, li: li! };
    };
  });

// One township for the file (signing staff in is slow); every test works on disputes of its own.
test.beforeAll(
  ({ villageAMediator, memberId, leadId }) => void [villageAMediator, memberId, leadId],
  SET_UP_TIME,
);

function agreement(zhangId: string, liId: string) {
  return {
    form: 'written' as const,
    facts: '李四家院墙排水管朝向张三家院子，雨天积水，双方多次争吵。',
    disputedMatters: '排水管改道及积水损失的赔偿。',
    responsibilities: { [zhangId]: '无', [liId]: '排水管设置不当，应承担改道费用并赔偿损失。' },
    obligations: [
      {
        obligorPartyId: liId,
        content: '赔偿张三积水损失',
        amountFen: 300_000,
        method: '银行转账',
        place: '城东社区',
        deadline: '2026-12-10',
      },
      {
        obligorPartyId: liId,
        content: '将排水管改向自家院内',
        method: '自行施工',
        place: '李四家院墙',
        deadline: '2026-12-20',
      },
    ],
    agreedOn: '2026-11-30',
    recorderName: '王记录',
  };
}

describe('a village committee keeps the whole case file', () => {
  test('register → sessions → agreement → judicial confirmation → follow-up → closed', async ({
    harness: h,
    township: c,
    villageAMediator: mediator,
    leadId,
    registerAndMediate,
  }) => {
    const { dispute, zhang, li } = await registerAndMediate();
    expect(dispute).toMatchObject({
      caseNo: '（2026）永城东人调字第乡01-1号',
      state: 'accepted',
      acceptedOn: '2026-11-27',
      dueDate: '2026-12-27',
      deadline: 'ok',
      ownerOrgName: '城东社区',
      ownerLevel: 'village',
      access: 'owner',
      canWrite: true,
      partyNames: '张三、李四',
    });
    expect(li).toMatchObject({
      idNumberMasked: '330324********1249',
      phoneMasked: '138****8000',
      agentName: '李小明',
      agentPhoneMasked: '139****9000',
      attorneyDate: '2026-11-26',
      gender: 'female',
      // Beside the masked number the age: the date is the number's hidden middle.
      birthDate: null,
      ageNow: 44,
    });

    for (const party of [zhang, li]) {
      await h.ok(
        'mediation.acknowledgeNotice',
        { partyId: party.id, acknowledgedOn: '2026-11-27', method: 'signed' },
        mediator.token,
      );
    }
    const notice = await h.ok('mediation.printNotice', { disputeId: dispute.id }, mediator.token);
    await h.ok('mediation.recordPrint', { document: 'notice', id: dispute.id }, mediator.token);
    expect(notice.committeeName).toBe('城东社区人民调解委员会');
    // Dated by the seal as of registration, whenever it is reprinted.
    expect(notice.issuedOn).toBe(dispute.registeredOn);
    expect(notice.rights).toHaveLength(4);
    expect(notice.acknowledgements[1]).toMatchObject({
      roleLabel: '被申请人',
      name: '李四',
      acknowledgedOn: '2026-11-27',
      methodLabel: '书面告知并签收',
    });

    c.advanceDays(3);
    let detail = await h.ok(
      'mediation.recordSession',
      {
        disputeId: dispute.id,
        heldOn: '2026-11-30',
        place: '城东社区调解室',
        mediatorIds: [leadId],
        attendees: ['张三', '李四'],
        statements: [{ partyId: li.id, text: '同意改道并赔偿。' }],
        agreed: true,
        result: '双方达成一致',
      },
      mediator.token,
    );
    expect(detail.state).toBe('mediating');
    expect(detail.sessions.map((session) => [session.number, session.agreed])).toEqual([
      [1, false],
      [2, true],
    ]);
    const record = await h.ok(
      'mediation.printSessionRecord',
      { sessionId: detail.sessions[0]!.id },
      mediator.token,
    );
    expect(record.mediatorNames).toEqual(['陈秀英', '周建国']);
    expect(record.statements[0]).toMatchObject({ roleLabel: '申请人', name: '张三' });
    expect(record.signatureLines.map((line) => line.name)).toEqual(['张三', '李四']);

    detail = await h.ok(
      'mediation.recordAgreement',
      { disputeId: dispute.id, agreement: agreement(zhang.id, li.id) },
      mediator.token,
    );
    expect(detail).toMatchObject({
      state: 'succeeded',
      outcome: 'succeeded',
      concludedOn: '2026-11-30',
    });
    expect(detail.agreement).toMatchObject({
      form: 'written',
      signedOn: '2026-11-30',
      effectiveOn: '2026-11-30',
      copies: 3,
      missing: [],
      mediators: ['陈秀英', '周建国'],
      judicialConfirmation: { window: { lastDay: '2026-12-30', status: 'ok' }, applied: null },
    });
    // The first payment falls due before the 15 days are up, so the visit is set for that day.
    expect(detail.followUps).toMatchObject([{ dueOn: '2026-12-10', state: 'due' }]);
    expect(JSON.stringify(detail)).not.toContain(IDS.li);

    const paper = await h.ok('mediation.printAgreement', { disputeId: dispute.id }, mediator.token);
    expect(paper.parties.map((party) => [party.roleLabel, party.name, party.idNumber])).toEqual([
      ['申请人', '张三', IDS.zhang],
      ['被申请人', '李四', IDS.li],
    ]);
    expect(paper.parties[1]).toMatchObject({
      genderLabel: '女',
      ethnicity: '汉族',
      occupation: '农民',
      phone: '13800138000',
      idTypeLabel: '居民身份证',
      agentName: '李小明',
      agentPhone: '13900139000',
    });
    expect(paper.obligations[0]).toMatchObject({
      label: '第一项',
      obligorName: '李四',
      amountText: '人民币3,000.00元（大写：叁仟元整）',
      method: '银行转账',
      place: '城东社区',
      deadline: '2026-12-10',
    });
    expect(paper.obligations[1]?.label).toBe('第二项');
    expect(paper.copiesText).toBe('本协议一式3份，当事人各执一份，人民调解委员会留存一份。');
    expect(paper.sealLine).toBe('城东社区人民调解委员会（印章）');
    // Opening the paper is not a print, but with the full ID numbers on it, it is audited.
    const opened = await h.ok('mediation.get', { disputeId: dispute.id }, mediator.token);
    expect(opened.printCounts.agreement).toBeUndefined();
    const views = await h.ok('audit.list', { action: 'mediation.viewAgreement' }, c.admin);
    expect(views.rows.map((row) => row.detail)).toEqual([
      '（2026）永城东人调字第乡01-1号 调解协议书（含当事人完整身份信息）',
    ]);
    // Each press of 打印 counts, the reprint too.
    const press = () =>
      h.ok('mediation.recordPrint', { document: 'agreement', id: dispute.id }, mediator.token);
    expect((await press()).count).toBe(1);
    expect((await press()).count).toBe(2);
    const audit = await h.ok('audit.list', { action: 'mediation.print' }, c.admin);
    expect(audit.rows.map((row) => row.detail)).toContain(
      '（2026）永城东人调字第乡01-1号 调解协议书（含当事人完整身份信息）（第2次打印）',
    );
    expect(JSON.stringify([...audit.rows, ...views.rows])).not.toContain(IDS.li);

    c.advanceDays(3);
    detail = await h.ok(
      'mediation.recordJudicialConfirmation',
      {
        disputeId: dispute.id,
        applied: true,
        appliedOn: '2026-12-03',
        court: '永嘉县人民法院',
        result: 'confirmed',
        resultOn: '2026-12-03',
      },
      mediator.token,
    );
    expect(detail.judicialConfirmedOn).toBe('2026-12-03');
    expect(detail.agreement?.judicialConfirmation).toMatchObject({
      window: { status: 'applied' },
      applied: true,
      court: '永嘉县人民法院',
      result: 'confirmed',
    });
    const cover = await h.ok(
      'mediation.printJudicialCover',
      { disputeId: dispute.id },
      mediator.token,
    );
    expect(cover.lastDay).toBe('2026-12-30');
    await h.ok(
      'mediation.recordPrint',
      { document: 'judicialCover', id: dispute.id },
      mediator.token,
    );
    expect(cover.materials.map((material) => material.name)).toContain(
      '授权委托书及委托代理人身份证明',
    );

    c.advanceDays(3);
    let board = await h.ok('mediation.dashboard', {}, mediator.token);
    expect(board.followUpsDue.map((visit) => [visit.dueOn, visit.dispute.caseNo])).toEqual([
      ['2026-12-10', '（2026）永城东人调字第乡01-1号'],
    ]);
    c.advanceDays(6);
    board = await h.ok('mediation.dashboard', {}, mediator.token);
    expect(board.followUpsDue).toEqual([]);
    expect(board.followUpsOverdue.map((visit) => visit.deadline?.status)).toEqual(['overdue']);

    expect(
      await h.call('mediation.close', { disputeId: dispute.id }, mediator.token),
    ).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });
    detail = await h.ok(
      'mediation.recordFollowUp',
      {
        followUpId: detail.followUps[0]!.id,
        visitedOn: '2026-12-12',
        method: 'phone',
        performance: 'performed',
        satisfaction: 'satisfied',
        renewedConflict: false,
        note: '赔偿款已到账，排水管已改道',
      },
      mediator.token,
    );
    expect(detail).toMatchObject({ state: 'followed_up', performedOn: '2026-12-12' });
    const visit = await h.ok(
      'mediation.printFollowUp',
      { followUpId: detail.followUps[0]!.id },
      mediator.token,
    );
    expect(visit).toMatchObject({
      methodLabel: '电话回访',
      performanceLabel: '已履行',
      satisfactionLabel: '满意',
      visitorName: 'med_a',
    });
    expect(visit.obligations[0]).toBe('第一项：李四赔偿张三积水损失（2026年12月10日前）');

    detail = await h.ok('mediation.close', { disputeId: dispute.id }, mediator.token);
    expect(detail).toMatchObject({ state: 'closed', closedOn: '2026-12-12', availableActions: [] });
    expect(detail.events.map((event) => event.action)).toEqual([
      'register',
      'assign',
      'session',
      'notice',
      'notice',
      'session',
      'record_success',
      'judicial',
      'follow_up',
      'close',
    ]);
    expect(detail.printCounts).toMatchObject({ notice: 1, agreement: 2, judicialCover: 1 });
    expect((await h.ok('audit.verify', {}, c.admin)).ok).toBe(true);
  });
});
