import { addDays, addMonths, shanghaiDate } from '../../shared/domain/calendar/plain-date';
import { expect, test } from '../fixtures';
import { apiCall } from '../fixtures/api';
import {
  APPLICANT,
  CASE_ABBREVIATION,
  MEDIATOR,
  RESPONDENT as RESPONDENT_ON_FILE,
  seedMediation,
  SUPERVISOR,
  signInToken,
} from '../fixtures/mediation-seed';
import {
  AgreementFormPage,
  DisputeFilePage,
  printedText,
  RegisterDisputePage,
  flat,
} from '../fixtures/pages/mediation';
import { startServer, type RunningServer } from '../fixtures/server';

/** 2026年3月5日, as the papers write dates. */
function paperDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** Already in the resident register (一人一档) from an application at the counter. */
const RESPONDENT = { ...RESPONDENT_ON_FILE, agent: { name: '林小军', phone: '13757700003' } };

test('a mediator registers a neighbour dispute, mediates it to a signed agreement, and is told when the visit falls due', async ({
  page,
  dataDir,
  app,
}) => {
  // The whole case file through the screens, three papers printed to PDF, and a restart 15 days on.
  test.setTimeout(300_000);
  const today = shanghaiDate(Date.now());
  const year = today.slice(0, 4);
  const caseNo = `（${year}）${CASE_ABBREVIATION}人调字第1号`;
  const deadline = addDays(today, 20);
  const visitDue = addDays(today, 15);
  let server: RunningServer = await startServer(dataDir);
  try {
    await seedMediation(server.url);
    const supervisor = await signInToken(server.url, SUPERVISOR);
    await apiCall(
      server.url,
      'residents.create',
      {
        name: RESPONDENT.name,
        docType: 'resident_id',
        docNumber: RESPONDENT.idNumber,
        phone: RESPONDENT.phone,
        address: RESPONDENT.address,
        ethnicity: RESPONDENT.ethnicity,
      },
      supervisor,
    );

    // The print dialog is the browser's own; count its openings instead of showing it.
    await page.addInitScript(
      'window.printDialogs = 0; window.print = () => { window.printDialogs += 1; }',
    );
    const printDialogs = () => page.evaluate<number>('window.printDialogs');
    const register = new RegisterDisputePage(page);
    const file = new DisputeFilePage(page);
    await page.goto(server.url);
    await app.signIn.signIn(MEDIATOR);
    await app.shell.goTo('纠纷调解');
    await page.getByRole('link', { name: '登记纠纷' }).click();

    // 登记: the facts, then each party by document number first.
    await register.fillFacts({
      type: '邻里',
      source: '当事人申请',
      summary:
        '申请人与被申请人系前后邻居。被申请人加高院墙后，雨水经院墙排入申请人院内，致申请人厨房墙面受潮开裂。',
      occurredOn: addDays(today, -3),
      place: '鹿城区五马街道墨池坊',
      amountYuan: '3000',
      people: '2',
    });
    await register.fillPerson(0, APPLICANT);
    await expect(register.party(0).getByText('没有找到该证件的居民档案')).toBeVisible();
    await expect(
      register.party(0).getByRole('checkbox', { name: '登记时同时建立居民档案' }),
    ).toBeChecked();
    await register.lookUp(1, RESPONDENT.idNumber);
    await expect(register.party(1).getByText(`已找到居民档案：${RESPONDENT.name}`)).toBeVisible();
    await expect(register.party(1).getByRole('textbox', { name: '姓名', exact: true })).toHaveValue(
      RESPONDENT.name,
    );
    await expect(register.party(1).getByRole('textbox', { name: '住址' })).toHaveValue(
      RESPONDENT.address,
    );
    await register.party(1).getByRole('textbox', { name: '职业' }).fill(RESPONDENT.occupation);
    await register
      .party(1)
      .getByRole('checkbox', { name: /有委托代理人/ })
      .check();
    await register
      .party(1)
      .getByRole('textbox', { name: '代理人姓名' })
      .fill(RESPONDENT.agent.name);
    await register
      .party(1)
      .getByRole('textbox', { name: '代理人电话' })
      .fill(RESPONDENT.agent.phone);
    await register.submit();
    // The agent's power of attorney has no date yet: refused by the field, nothing registered.
    await expect(
      register.party(1).getByText('有委托代理人的，请填写授权委托书的日期'),
    ).toBeVisible();
    await register.party(1).getByRole('textbox', { name: '授权委托书日期' }).fill(today);
    await register.party(1).getByRole('textbox', { name: '授权委托书日期' }).blur();
    await register.submit();

    // The case file: number, state, type, risk and the one-month clock.
    await expect(page.getByRole('heading', { name: caseNo, level: 2 })).toBeVisible();
    const header = file.header;
    await expect(header).toContainText('已受理');
    await expect(header).toContainText('邻里纠纷');
    await expect(header).toContainText('风险一般');
    await expect(header).toContainText(`${addMonths(today, 1)}（还剩`);
    await expect(header).toContainText('3,000.00 元');
    const applicant = file.party(`申请人${APPLICANT.name}`);
    const respondent = file.party(`被申请人${RESPONDENT.name}`);
    // Both parties are in the resident register now: one found, one created at registration.
    await expect(applicant).toContainText('已关联居民档案');
    await expect(respondent).toContainText('已关联居民档案');
    // Masked on screen; the whole number only on an audited request.
    await expect(applicant).toContainText('330302********2018');
    await expect(applicant).not.toContainText(APPLICANT.idNumber);
    await expect(respondent).toContainText('138****0002');
    await applicant.getByRole('button', { name: `查看${APPLICANT.name}的联系电话` }).click();
    await expect(applicant).toContainText(APPLICANT.phone);
    await expect(respondent).toContainText(RESPONDENT.agent.name);

    // 当事人权利义务告知书, then each party's acknowledgement.
    await page.getByRole('link', { name: '打印权利义务告知书' }).click();
    const notice = page.getByRole('article', { name: '人民调解当事人权利义务告知书' });
    for (const text of [
      '人民调解当事人权利义务告知书',
      caseNo,
      `申请人${APPLICANT.name}`,
      `被申请人${RESPONDENT.name}`,
      '接受调解、拒绝调解或者要求终止调解',
      '如实陈述纠纷事实',
    ]) {
      await expect(notice).toContainText(text);
    }
    // Looking at the paper is not printing it: the count waits for the 打印 button.
    await page.getByRole('button', { name: '返回' }).click();
    await expect(header).toBeVisible();
    await expect(header).not.toContainText('告知书已打印');
    await page.getByRole('link', { name: '打印权利义务告知书' }).click();
    await expect(notice).toContainText(caseNo);
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await expect.poll(printDialogs).toBe(1);
    await page.getByRole('button', { name: '返回' }).click();
    await expect(header).toContainText('告知书已打印 1 次');
    await file.acknowledgeNotice(APPLICANT.name);
    await file.acknowledgeNotice(RESPONDENT.name);
    await expect(file.section('当事人')).not.toContainText('尚未告知');

    // Mediators: the neighbour specialists first, the lighter load first among equals.
    await file.section('调解员').getByRole('button', { name: '指派调解员' }).click();
    const assign = page.getByRole('dialog', { name: '指派调解员' });
    await expect(assign.getByRole('row')).toHaveText([
      /主持/,
      /吴阿根擅长此类/,
      /周慧敏擅长此类/,
      /陈立群/,
    ]);
    await assign.getByRole('button', { name: '取消' }).click();
    await file.assignMediators('周慧敏', ['吴阿根']);
    await expect(file.section('调解员')).toContainText('主持调解周慧敏');
    await expect(file.section('调解员')).toContainText('协助调解吴阿根');

    // 调解记录 and its 笔录.
    await file.recordSession({
      place: '五马街道人民调解委员会调解室',
      statements: {
        申请人陈国强陈述:
          '院墙加高后雨水全部流进我家院子，厨房墙面受潮开裂，要求对方改建排水沟并赔偿修缮费用。',
        被申请人林美华陈述: '加高院墙是为了防盗，愿意改建排水沟，但修缮费用要求减少。',
      },
      agreed: true,
      result: '经调解员释法说理，双方同意由被申请人改建排水沟并赔偿修缮费用三千元。',
    });
    await expect(header).toContainText('调解中');
    const session = file.section('调解记录').getByRole('article', { name: '第1次调解' });
    await expect(session).toContainText('达成一致');
    await session.getByRole('link', { name: '打印第1次调解笔录' }).click();
    const record = page.getByRole('article', { name: '人民调解记录' });
    for (const text of [
      '人民调解记录',
      caseNo,
      '第一次调解',
      '五马街道人民调解委员会调解室',
      '申请人陈国强陈述',
      '厨房墙面受潮开裂',
      '被申请人林美华陈述',
      '各方当事人达成一致意见',
      '申请人陈国强（签名或按指印）',
      '被申请人林美华（签名或按指印）',
      '人民调解员 周慧敏、吴阿根（签名）',
    ]) {
      await expect(record).toContainText(text);
    }
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await expect.poll(printDialogs).toBe(2);
    await page.getByRole('button', { name: '返回' }).click();

    // 调解协议: written, saved as a draft, printed for signing.
    await file.section('调解结果').getByRole('link', { name: '填写调解协议' }).click();
    await new AgreementFormPage(page).fill({
      facts: '被申请人于本月加高院墙，雨水经院墙排入申请人院内，致申请人厨房墙面受潮开裂。',
      disputedMatters: '排水沟是否改建及墙面修缮费用的承担。',
      responsibilities: {
        申请人陈国强应承担的责任: '无',
        被申请人林美华应承担的责任: '未妥善处理院墙排水，应承担修缮费用。',
      },
      obligations: [
        {
          obligor: `被申请人${RESPONDENT.name}`,
          content: '改建院墙排水沟，并向申请人支付墙面修缮费用',
          amountYuan: '3000',
          method: '现金当面支付',
          place: '五马街道人民调解委员会',
          deadline,
        },
      ],
    });
    await expect(page.getByText(/签订前尚缺/)).toHaveCount(0);
    await page.getByRole('button', { name: '保存并打印协议书' }).click();
    await expect(page.getByRole('article', { name: '人民调解协议书' })).toBeVisible();
    const agreement = flat(await printedText(page));
    const committee = '鹿城区五马街道人民调解委员会';
    // Every particular of 人民调解法 art. 29, in the order of the paper.
    for (const text of [
      '人民调解协议书',
      `编号：${caseNo}`,
      '申请人',
      APPLICANT.name,
      '男',
      APPLICANT.ethnicity,
      '1978年3月12日',
      APPLICANT.occupation,
      APPLICANT.phone,
      APPLICANT.idNumber,
      APPLICANT.address,
      '被申请人',
      RESPONDENT.name,
      '女',
      '1982年7月15日',
      RESPONDENT.occupation,
      RESPONDENT.phone,
      RESPONDENT.idNumber,
      RESPONDENT.address,
      `委托代理人 ${RESPONDENT.agent.name}`,
      RESPONDENT.agent.phone,
      '纠纷主要事实：被申请人于本月加高院墙',
      '争议事项：排水沟是否改建及墙面修缮费用的承担。',
      '申请人陈国强的责任：无',
      '被申请人林美华的责任：未妥善处理院墙排水，应承担修缮费用。',
      `经${committee}调解，各方当事人自愿达成如下协议`,
      '第一项：改建院墙排水沟，并向申请人支付墙面修缮费用',
      `义务人：${RESPONDENT.name}`,
      '金额：人民币3,000.00元（大写：叁仟元整）',
      '履行方式：现金当面支付',
      '履行地点：五马街道人民调解委员会',
      `履行期限：${paperDate(deadline)}前`,
      '本协议一式3份，当事人各执一份，人民调解委员会留存一份。',
      '三十日内共同向人民法院申请司法确认',
      `申请人${APPLICANT.name}（签名或按指印）`,
      `被申请人${RESPONDENT.name}（签名或按指印）`,
      '人民调解员 周慧敏、吴阿根（签名）',
      `记录人 ${MEDIATOR.displayName}（签名）`,
      `${committee}（印章）`,
      paperDate(today),
    ]) {
      expect(agreement, text).toContain(flat(text));
    }
    // The obligations carry their own 第一项: no list number in front of it.
    expect(agreement).not.toMatch(/1\.\s*第一项/);
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await expect.poll(printDialogs).toBe(3);
    await page.getByRole('button', { name: '返回' }).click();

    // Signed: recorded as 调解成功, and the follow-up visit is scheduled.
    await page.getByRole('button', { name: '已签订，记录调解成功' }).click();
    // The confirmation closes as soon as it takes the click. A loaded machine has been seen to leave
    // the first click on it without effect (the dialog stays, its button idle): clicked again then.
    const confirm = page.getByRole('dialog', { name: '记录调解成功' });
    await expect(async () => {
      if (await confirm.isVisible())
        await confirm.getByRole('button', { name: '确认记录' }).click({ timeout: 2_000 });
      await expect(confirm).toBeHidden({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole('heading', { name: caseNo, level: 2 })).toBeVisible();
    await expect(page.getByText(`回访定于 ${visitDue} 前`)).toBeVisible();
    await expect(file.section('调解结果')).toContainText('书面协议已签订');
    await expect(header).toContainText('调解成功');
    await expect(header).toContainText(`下次回访${visitDue}（还剩 15 天）`);
    await expect(header).not.toContainText('回访已到期');
    // Each paper was counted once, as 打印 was pressed, however often it was looked at.
    await expect(header).toContainText('告知书已打印 1 次');
    await expect(file.section('调解记录')).toContainText('笔录已打印 1 次');
    await expect(file.section('调解结果')).toContainText('协议书已打印 1 次');
  } finally {
    await server.stop();
  }

  // Fifteen days on, on the same data: the visit is due and the case file says so.
  server = await startServer(dataDir, { daysLater: 15 });
  try {
    await page.clock.setFixedTime(new Date(Date.now() + 15 * 24 * 60 * 60 * 1000));
    await page.goto(server.url);
    await app.signIn.signIn(MEDIATOR);
    await app.shell.goTo('纠纷调解');
    await page.getByRole('link', { name: caseNo }).click();
    await expect(page.getByRole('alert').filter({ hasText: '回访已到期' })).toContainText(
      `今天（${visitDue}）应回访当事人`,
    );
  } finally {
    await server.stop();
  }
});
