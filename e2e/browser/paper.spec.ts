import type { Page } from '@playwright/test';
import {
  CLERK,
  IntakePage,
  SignInPage,
  apiCall,
  expect,
  pageCount,
  printedText,
  seedTerminal,
  test,
  registerResident,
  setCounterPhone,
} from '../fixtures';
import { residentIdNumber } from '../fixtures/case-seed';
import {
  TOWNSHIP_MEDIATOR,
  recordSession,
  registerDispute,
  seedCommittees,
  today,
} from '../fixtures/mediation-api';

/*
 * Issue 12 item 6: paper that is complete and reads right. A township set up under its bare name
 * (岩头镇, as the demo tree names it) still seals its papers as 岩头镇便民服务中心.
 */

const YANTOU = { divisionCode: '330324108', name: '岩头镇', loadDemoOrgTree: true } as const;

/** Running text wraps where the line ends; read a sentence of it without the breaks. */
function unwrapped(text: string): string {
  return text.replace(/\s+/g, '');
}

async function stubPrintDialog(page: Page) {
  await page.evaluate(
    'window.printDialogs = 0; window.print = () => { window.printDialogs += 1; }',
  );
}

/** A resident another counter put on file, looked up by the clerk at the counter. */
async function lookUpAtCounter(
  page: Page,
  appUrl: string,
  name: string,
  sequence: number,
  phone: string,
) {
  const idNumber = residentIdNumber('1950-02-03', sequence);
  await registerResident(appUrl, CLERK, {
    name,
    docType: 'resident_id',
    docNumber: idNumber,
    phone,
  });
  await page.goto(appUrl);
  await new SignInPage(page).signIn(CLERK);
  const intake = new IntakePage(page);
  await intake.open();
  await intake.lookUp(idNumber);
  return intake;
}

test('an ineligible applicant’s 不予受理通知书 reads right, and a paper without the counter phone says so first', async ({
  page,
  appUrl,
}) => {
  test.slow();
  await seedTerminal(appUrl, [CLERK], YANTOU);
  const intake = await lookUpAtCounter(page, appUrl, '潘阿松', 17, '13957712345');
  await expect(intake.residentName).toHaveText('潘阿松');
  await intake.chooseItem('dbsq', '最低生活保障申请');
  const dialog = await intake.openRefusal();
  // The reason as a clerk types it, with its own full stop.
  const reason = '申请人家庭月人均收入高于本县最低生活保障标准';
  await dialog.getByRole('textbox', { name: '不予受理的理由' }).fill(`${reason}。`);
  await dialog.getByRole('checkbox', { name: /申请人不符合办理条件/ }).check();
  await expect(dialog.getByRole('textbox', { name: '请到何处办理' })).toHaveCount(0);
  const { caseNo } = await intake.save('确认不予受理并打印通知书');
  await expect(page.getByText(`已不予受理，编号 ${caseNo}`)).toBeVisible();
  await intake.expectPaper('rejection', '不予受理通知书');

  // 窗口电话 was never set: the preview says so, and printing asks to go ahead anyway.
  await expect(page.getByRole('alert', { name: '这份文书还不完整' })).toContainText(
    '窗口电话未设置',
  );
  await expect(page.getByRole('button', { name: '打印', exact: true })).toHaveCount(0);
  await stubPrintDialog(page);
  await page.getByRole('button', { name: '仍要打印' }).click();
  await expect.poll(() => page.evaluate('window.printDialogs')).toBe(1);

  const text = await printedText(page, '不予受理通知书');
  expect(pageCount(text)).toBe(1);
  expect(unwrapped(text)).toContain(
    `经审查，${reason}。本中心决定不予受理。您如今后情况发生变化、符合办理条件，可以再次提出申请。`,
  );
  expect(text).not.toContain('请到');
  expect(text).not.toContain('建议办理机构');
  expect(text).not.toContain('。。');
  expect(text).not.toContain('窗口电话未设置');
  expect(unwrapped(text)).toContain('岩头镇便民服务中心（盖章）');
});

test('the counter phone given at setup is printed, and the paper prints without a warning', async ({
  page,
  appUrl,
}) => {
  test.slow();
  await seedTerminal(appUrl, [CLERK], YANTOU);
  await setCounterPhone(appUrl, '0577 5715 1234');
  const intake = await lookUpAtCounter(page, appUrl, '金阿婆', 19, '13957712346');
  await intake.chooseItem('hkqy', '户口迁移');
  const dialog = await intake.openRefusal();
  await dialog
    .getByRole('textbox', { name: '不予受理的理由' })
    .fill('户口迁移不属于本中心受理范围');
  await dialog.getByRole('textbox', { name: '请到何处办理' }).fill('永嘉县公安局岩头派出所。');
  await intake.save('确认不予受理并打印通知书');
  await intake.expectPaper('rejection', '不予受理通知书');
  await expect(page.getByRole('button', { name: '打印', exact: true })).toBeVisible();
  await expect(page.getByRole('alert', { name: '这份文书还不完整' })).toHaveCount(0);
  const text = await printedText(page, '不予受理通知书');
  expect(text).toMatch(/窗口电话\s+0577-57151234/);
  expect(unwrapped(text)).toContain('请到永嘉县公安局岩头派出所办理。');
  expect(text).not.toContain('。。');
});

test('a two-page 调解协议书 is numbered on each page and keeps its signatures with the last clause', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  const committees = await seedCommittees(appUrl);
  const mediator = await committees.token(TOWNSHIP_MEDIATOR);
  const dispute = await registerDispute(committees, mediator);
  await recordSession(committees, mediator, dispute, committees.townshipMediatorId, true);
  const [applicant, respondent] = dispute.parties;
  // Long facts and six obligations: more than one A4 sheet holds.
  const facts = Array.from(
    { length: 8 },
    (_, i) =>
      `第${i + 1}次：被申请人家院墙排水管朝向申请人家院子，雨天积水漫入申请人厨房和堂屋，墙面受潮开裂，双方多次争吵，村调解员上门调解未果。`,
  ).join('');
  await apiCall(
    committees.appUrl,
    'mediation.recordAgreement',
    {
      disputeId: dispute.id,
      agreement: {
        form: 'written',
        facts,
        disputedMatters: '排水管改道、积水损失的赔偿及今后院墙排水的维护责任。',
        responsibilities: {
          [applicant!.id]: '无',
          [respondent!.id]: '排水管设置不当，应承担改道费用并赔偿损失。',
        },
        obligations: Array.from({ length: 6 }, (_, i) => ({
          obligorPartyId: respondent!.id,
          content: `第${i + 1}期赔偿申请人积水损失并负责修缮厨房墙面`,
          amountFen: 50_000,
          method: '银行转账',
          place: '城东社区',
          deadline: today(),
        })),
        agreedOn: today(),
        recorderName: '王记录',
      },
    },
    mediator,
  );

  await app.openAs(appUrl, TOWNSHIP_MEDIATOR);
  await page.goto(`${appUrl}#/print/mediation/${dispute.id}/agreement`);
  await expect(page.getByRole('article', { name: '人民调解协议书' })).toBeVisible();
  const text = await printedText(page, '调解协议书');
  const pages = text.split('\f').filter((sheet) => sheet.trim() !== '');
  expect(pages).toHaveLength(2);
  expect(pageCount(text)).toBe(2);
  expect(unwrapped(pages[0]!)).toContain('第1页共2页');
  expect(unwrapped(pages[1]!)).toContain('第2页共2页');
  // The last clause, the signatures and the seal are on one sheet together.
  const last = unwrapped(pages[1]!);
  expect(last).toContain('本协议一式');
  expect(last).toContain('（签名或按指印）');
  expect(last).toContain('东城街道人民调解委员会（印章）');
});
