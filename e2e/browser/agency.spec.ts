import type { Page } from '@playwright/test';
import { shanghaiDate } from '../../shared/domain/calendar/plain-date';
import {
  AGENT,
  AgencyInboxPage,
  AgencyPage,
  AppShellPage,
  CHENGDONG,
  CLERK,
  SignInPage,
  apiCall,
  apiSignIn,
  expect,
  fileOnBehalf,
  seedAgencyTownship,
  test,
} from '../fixtures';
import { CaseSeeder, residentIdNumber } from '../fixtures/case-seed';

const PRINCIPAL = { name: '钱阿公', phone: '13857701234' };

/** Each agency screen as the user sees it at 1280x800, kept with the test's results. */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}
const ALLOWANCE = '高龄津贴申领';

test('a village agent files on behalf and hands over; the township receives it; the result comes back', async ({
  page,
  appUrl,
}) => {
  test.slow();
  await seedAgencyTownship(appUrl);
  const signIn = new SignInPage(page);
  const shell = new AppShellPage(page);
  const agency = new AgencyPage(page);
  const today = shanghaiDate(new Date());

  await page.goto(appUrl);
  await signIn.signIn(AGENT);
  await expect(shell.nav.getByRole('link', { name: '待接收' })).toHaveCount(0);
  await shell.goTo('代办');
  await agency.startFiling();
  await expect(page.getByRole('region', { name: '受托人（代办员）' })).toContainText(
    `姓名${AGENT.displayName}所属村（社区）${CHENGDONG.name}身份代办员`,
  );
  await agency.principal(residentIdNumber('1936-02-14', 71), PRINCIPAL);

  // Only the items open to village agency are offered.
  await expect(agency.itemPicker).toBeFocused();
  await page.keyboard.type('居住证');
  await expect(page.getByText('没有可代办的该事项，请申请人到乡镇（街道）窗口办理')).toBeVisible();
  await agency.itemPicker.fill('');
  await agency.chooseItem('高龄', ALLOWANCE);
  for (const material of ['老年人居民身份证', '老年人户口簿', '高龄津贴申领表']) {
    await agency.mark(material, '已收取');
  }
  await agency.mark('老年人社会保障卡或本人银行账户', '已收取');
  await agency.mark('受托人居民身份证', '已收取');
  await agency.fillAttorney(today, '申请人年老体弱，行动不便');

  // The power of attorney is what makes it agency: without it nothing is saved.
  await agency.save();
  await expect(
    page.getByRole('alert').filter({ hasText: '代办须收取申请人签署的授权委托书' }),
  ).toBeVisible();
  await agency.mark('授权委托书', '已收取');
  await shot(page, 'agency-intake');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/cases.agencyIntake'));
  await agency.save();
  const filed = (
    (await (await saved).json()) as { value: { caseNo: string; handoffDueDate: string } }
  ).value;
  const panel = page.getByRole('status').filter({ hasText: '代办件已保存' });
  await expect(panel).toContainText(`案件编号：${filed.caseNo}`);
  await expect(panel).toContainText(
    `请于 ${filed.handoffDueDate} 前移交乡镇（街道）（收件后 3 个工作日内）`,
  );
  expect(filed.handoffDueDate > today).toBe(true);
  await shot(page, 'agency-filed');

  await page.getByRole('button', { name: '稍后移交，返回代办列表' }).click();
  await expect(agency.heading).toBeVisible();
  await expect(agency.row(filed.caseNo)).toContainText('代办待移交');
  await expect(agency.row(filed.caseNo)).toContainText(filed.handoffDueDate);
  await expect(agency.row(filed.caseNo)).toContainText(PRINCIPAL.name);
  await shot(page, 'agency-list');
  await agency.handOver(filed.caseNo);
  await expect(agency.row(filed.caseNo)).toContainText('待接收');
  await expect(agency.row(filed.caseNo)).toContainText('移交');

  // The township's clerk, another user, finds it in 待接收 and takes it in.
  await shell.switchUser();
  await signIn.signIn(CLERK);
  await shell.goTo('待接收');
  const inbox = new AgencyInboxPage(page);
  const row = inbox.row(filed.caseNo);
  await expect(row).toContainText(CHENGDONG.name);
  await expect(row).toContainText(AGENT.displayName);
  await expect(row).toContainText(PRINCIPAL.name);
  await expect(row).toContainText(ALLOWANCE);
  await expect(row).toContainText(`期限 ${filed.handoffDueDate}`);
  await expect(row).not.toContainText('逾期移交');
  await shot(page, 'agency-inbox');
  const dialog = await inbox.openReceipt(filed.caseNo);
  await expect(dialog).toContainText('申请人年老体弱，行动不便');
  // The agent's marks come with the case, re-checked here.
  await expect(
    dialog
      .getByRole('radiogroup', { name: '授权委托书 核对结果' })
      .getByRole('radio', { name: '已收取' }),
  ).toBeChecked();
  await expect(dialog.getByText(/^必交材料已齐全：接收即受理，5 个工作日内办结。$/)).toBeVisible();
  await shot(page, 'agency-receive');
  await dialog.getByRole('button', { name: '接收并受理' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(new RegExp(`${filed.caseNo} 已接收并受理，承诺 \\d{4}-\\d{2}-\\d{2} 前办结`)),
  ).toBeVisible();
  await expect(inbox.row(filed.caseNo)).toHaveCount(0);

  // The agent follows it: received at the township, then completed with a result to take back.
  await shell.switchUser();
  await signIn.signIn(AGENT);
  await shell.goTo('代办');
  await expect(agency.row(filed.caseNo)).toContainText('已受理');
  const clerk = await apiSignIn(appUrl, CLERK);
  const { id } = (await apiCall(appUrl, 'cases.list', { query: filed.caseNo }, clerk)).rows[0]!;
  await apiCall(
    appUrl,
    'cases.transition',
    { caseId: id, action: 'complete', resultNote: '津贴已核定，自下月起按月发放' },
    clerk,
  );
  await page.reload();
  await expect(agency.row(filed.caseNo)).toContainText('已办结');
  await agency
    .row(filed.caseNo)
    .getByRole('button', { name: `办理结果 ${filed.caseNo}` })
    .click();
  const drawer = page.getByRole('dialog', { name: '办理结果' });
  await expect(drawer).toContainText('津贴已核定，自下月起按月发放');
  await expect(drawer).toContainText('尚未交还');
  await shot(page, 'agency-result');
  await drawer.getByRole('button', { name: '已将结果交还申请人' }).click();
  await expect(drawer).not.toContainText('尚未交还');
  await expect(drawer.getByRole('button', { name: '已将结果交还申请人' })).toHaveCount(0);
});

test('the township re-checks an agency case and sends what is missing to 补正', async ({
  page,
  appUrl,
}) => {
  test.slow();
  await seedAgencyTownship(appUrl);
  const seed = await CaseSeeder.signIn(appUrl, CLERK);
  const item = await seed.item(ALLOWANCE);
  const resident = await seed.resident('孙阿婆', '1935-09-30', 72);
  await seed.signOut();
  const agent = await apiSignIn(appUrl, AGENT);
  const filed = await fileOnBehalf(appUrl, agent, resident.id, item, shanghaiDate(new Date()));
  await apiCall(appUrl, 'cases.transition', { caseId: filed.id, action: 'hand_over' }, agent);

  await page.goto(appUrl);
  await new SignInPage(page).signIn(CLERK);
  await new AppShellPage(page).goTo('待接收');
  const inbox = new AgencyInboxPage(page);
  const dialog = await inbox.openReceipt(filed.caseNo);
  await dialog
    .getByRole('radiogroup', { name: '老年人户口簿 核对结果' })
    .getByText('缺少', { exact: true })
    .click();
  await expect(
    dialog.getByText('尚缺 1 项必交材料：老年人户口簿。接收后转为待补正，并出具一次性告知单。'),
  ).toBeVisible();
  await dialog.getByRole('button', { name: '接收并出具告知单' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${filed.caseNo} 已接收，材料不齐，已转为待补正`)).toBeVisible();
  const clerk = await apiSignIn(appUrl, CLERK);
  const received = await apiCall(appUrl, 'cases.get', { caseId: filed.id }, clerk);
  expect(received.state).toBe('pending_supplement');
  expect(received.materials.find((m) => m.name === '老年人户口簿')?.status).toBe('missing');
});
