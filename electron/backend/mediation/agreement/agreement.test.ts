import { describe, expect } from 'vitest';
import { addDays, addMonths, daysBetween } from '@shared/domain/calendar/plain-date';
import { FILE, SET_UP_TIME, staffTest } from '../../testing/mediation-staff';
import { assignAndHold, today, zhangAndLi } from '../../testing/mediation-inputs';
import { IDS, neighbourDispute, person } from '@shared/testing/people';

const judge = (name: string, specialties: ('neighbour' | 'forest_land')[]) => ({
  name,
  background: 'retired_judge' as const,
  specialties,
});

const test = staffTest
  .extend('leadId', FILE, async ({ enrol }) => (await enrol(judge('陈秀英', ['neighbour']))).id)
  .extend('mediating', ({ harness: h, villageAMediator: mediator, leadId }) => {
    return async () => {
      const { dispute } = await h.ok(
        'mediation.register',
        neighbourDispute(zhangAndLi()),
        mediator.token,
      );
      await assignAndHold(h, mediator.token, dispute.id, leadId, {
        place: '城东社区调解室',
        attendees: ['张三', '李四'],
        agreed: true,
      });
      const [zhang, li] = dispute.parties;
      return { dispute, zhang: zhang!, li: li! };
    };
  });

// One township for the file (signing staff in is slow); every test works on disputes of its own.
test.beforeAll(({ villageAMediator, leadId }) => void [villageAMediator, leadId], SET_UP_TIME);

describe('the agreement and its art. 29 check', () => {
  test('refuses an incomplete written agreement, naming every missing field in Chinese', async ({
    harness: h,
    villageAMediator: mediator,
    mediating,
  }) => {
    const { dispute, zhang, li } = await mediating();
    const draft = {
      form: 'written' as const,
      disputedMatters: '排水管改道',
      responsibilities: { [zhang.id]: '无' },
      obligations: [{ obligorPartyId: li.id, content: '赔偿损失' }],
      agreedOn: today(h),
    };
    const refused = await h.call(
      'mediation.recordAgreement',
      { disputeId: dispute.id, agreement: draft },
      mediator.token,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'AGREEMENT_INCOMPLETE' } });
    if (!refused.ok) {
      expect(refused.error.message).toBe(
        '调解协议尚缺以下内容：纠纷主要事实；被申请人李四：应承担的责任；第1项：履行方式；第1项：履行地点；第1项：履行期限',
      );
      expect(refused.error.fields).toMatchObject({ facts: '请填写纠纷主要事实' });
    }
    // The draft keeps what was written, and the case stays in mediation.
    const saved = await h.ok(
      'mediation.saveAgreementDraft',
      { disputeId: dispute.id, agreement: draft },
      mediator.token,
    );
    expect(saved.state).toBe('mediating');
    expect(saved.agreement?.signedOn).toBeNull();
    expect(saved.agreement?.missing.map((field) => field.path)).toEqual([
      'facts',
      `responsibilities.${li.id}`,
      'obligations.0.method',
      'obligations.0.place',
      'obligations.0.deadline',
    ]);
    expect(
      await h.call('mediation.printAgreement', { disputeId: dispute.id }, mediator.token),
    ).toMatchObject({ ok: false, error: { code: 'AGREEMENT_INCOMPLETE' } });
    expect(
      await h.call(
        'mediation.recordPrint',
        { document: 'agreement', id: dispute.id },
        mediator.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'AGREEMENT_INCOMPLETE' } });
    expect(
      await h.call(
        'mediation.recordAgreement',
        {
          disputeId: dispute.id,
          agreement: {
            ...draft,
            obligations: [{ obligorPartyId: 'someone-else', content: '赔偿' }],
          },
        },
        mediator.token,
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { 'obligations.0.obligorPartyId': '义务人不是本案当事人' },
      },
    });
  });

  test('records an oral agreement as such: nothing to print, nothing to confirm', async ({
    harness: h,
    villageAMediator: mediator,
    mediating,
  }) => {
    const { dispute, zhang, li } = await mediating();
    const detail = await h.ok(
      'mediation.recordAgreement',
      {
        disputeId: dispute.id,
        agreement: {
          form: 'oral',
          obligations: [{ obligorPartyId: li.id, content: '当场向张三道歉' }],
          responsibilities: { [zhang.id]: '' },
          agreedOn: today(h),
        },
      },
      mediator.token,
    );
    expect(detail).toMatchObject({ state: 'succeeded', outcome: 'succeeded' });
    expect(detail.agreement).toMatchObject({ form: 'oral', copies: 0, judicialConfirmation: null });
    expect(detail.followUps[0]?.dueOn).toBe(addDays(today(h), 15));
    expect(
      await h.call('mediation.printAgreement', { disputeId: dispute.id }, mediator.token),
    ).toMatchObject({ ok: false, error: { code: 'ORAL_AGREEMENT' } });
    expect(
      await h.call(
        'mediation.recordJudicialConfirmation',
        { disputeId: dispute.id, applied: false },
        mediator.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'ORAL_AGREEMENT' } });
  });

  test('extends the one-month target only with every party consenting, and says the clock before and after', async ({
    harness: h,
    township: c,
    villageAMediator: mediator,
    mediating,
  }) => {
    const { dispute, zhang, li } = await mediating();
    const registered = today(h);
    const due = addMonths(registered, 1);
    const extension = {
      disputeId: dispute.id,
      newDueDate: addDays(due, 20),
      reason: '需等待房屋鉴定结果',
    };
    expect(
      await h.call(
        'mediation.extendDeadline',
        { ...extension, consentingPartyIds: [zhang.id] },
        mediator.token,
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'EXTENSION_CONSENT_MISSING',
        message: '延长调解期限须经各方当事人同意，尚有当事人未同意：李四',
      },
    });
    c.advanceDays(daysBetween(registered, due) - 5);
    const extended = await h.ok(
      'mediation.extendDeadline',
      { ...extension, consentingPartyIds: [zhang.id, li.id] },
      mediator.token,
    );
    expect(extended.before).toEqual({
      dueDate: due,
      daysLeft: 5,
      status: 'due_soon',
      extended: false,
    });
    expect(extended.after).toEqual({
      dueDate: addDays(due, 20),
      daysLeft: 25,
      status: 'ok',
      extended: true,
    });
    expect(extended.dispute).toMatchObject({ dueDate: addDays(due, 20), deadline: 'ok' });
    expect(extended.dispute.extensions).toHaveLength(1);
    expect(
      await h.call(
        'mediation.extendDeadline',
        { ...extension, newDueDate: addDays(due, 10), consentingPartyIds: [zhang.id, li.id] },
        mediator.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'EXTENSION_NOT_LATER' } });
  });

  test('warns of the deadline on the 工作台 before and after it passes', async ({
    harness: h,
    township: c,
    villageAMediator: mediator,
    mediating,
  }) => {
    const { dispute } = await mediating();
    const due = addMonths(today(h), 1);
    c.advanceDays(daysBetween(today(h), due) - 2);
    let board = await h.ok('mediation.dashboard', {}, mediator.token);
    expect(board.deadlinesDueSoon.map((item) => item.id)).toContain(dispute.id);
    c.advanceDays(3);
    board = await h.ok('mediation.dashboard', {}, mediator.token);
    expect(board.deadlinesOverdue.map((item) => item.id)).toContain(dispute.id);
    expect(board.deadlinesDueSoon.map((item) => item.id)).not.toContain(dispute.id);
  });

  test('suggests mediators by specialty, then by load, and assigns only active ones', async ({
    harness: h,
    villageAMediator: mediator,
    supervisor,
    enrol,
  }) => {
    const busy = (await enrol(judge('郑山林', ['forest_land']))).id;
    const free = (await enrol(judge('钱山林', ['forest_land']))).id;
    const { dispute } = await h.ok(
      'mediation.register',
      neighbourDispute([person('王五', IDS.wang), person('赵六', IDS.zhao, 'respondent')], {
        type: 'forest_land',
      }),
      mediator.token,
    );
    await h.ok(
      'mediation.assignMediators',
      { disputeId: dispute.id, leadMediatorId: busy },
      mediator.token,
    );
    const suggestions = await h.ok(
      'mediation.suggestMediators',
      { disputeId: dispute.id },
      mediator.token,
    );
    expect(suggestions.slice(0, 2).map((m) => [m.id, m.specialtyMatch, m.openCases])).toEqual([
      [free, true, 0],
      [busy, true, 1],
    ]);
    expect(suggestions.slice(2).every((m) => !m.specialtyMatch)).toBe(true);
    expect(
      await h.call(
        'mediation.assignMediators',
        { disputeId: dispute.id, leadMediatorId: free, memberMediatorIds: [busy] },
        mediator.token,
      ),
    ).toMatchObject({ ok: true, value: { leadMediatorName: '钱山林' } });
    await h.ok('mediators.setActive', { mediatorId: busy, active: false }, supervisor.token);
    expect(
      await h.call(
        'mediation.assignMediators',
        { disputeId: dispute.id, leadMediatorId: busy },
        mediator.token,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'MEDIATOR_UNAVAILABLE', message: '调解员郑山林已停用，不能指派' },
    });
  });
});
