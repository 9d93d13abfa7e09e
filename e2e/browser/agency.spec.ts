import type { Page } from '@playwright/test';
import { shanghaiDate } from '../../shared/domain/calendar/plain-date';
import { DONGCHENG } from '../../shared/testing/org-units';
import {
  ADMIN,
  AGENT,
  AgencyInboxPage,
  AgencyPage,
  CHENGDONG,
  CLERK,
  apiCall,
  apiSignIn,
  expect,
  fileOnBehalf,
  pageCount,
  printedText,
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
  app,
}) => {
  test.slow();
  await seedAgencyTownship(appUrl);
  const agency = new AgencyPage(page);
  const today = shanghaiDate(new Date());

  await app.openAs(appUrl, AGENT);
  await expect(app.shell.nav.getByRole('link', { name: '待接收' })).toHaveCount(0);
  await app.shell.goTo('代办');
  await agency.startFiling();
  await expect(page.getByRole('region', { name: '受托人（代办员）' })).toContainText(
    `姓名${AGENT.displayName}所属村（社区）${CHENGDONG.name}身份代办员`,
  );
  await agency.principal(residentIdNumber('1936-02-14', 71), PRINCIPAL);

  // Only the items open to village agency are offered.
  await expect(agency.itemPicker).toBeFocused();
  await page.keyboard.type('居住证');
  await expect(
    page.getByText(
      '居住证申领、居住证换领补领不能由村（社区）代办，请申请人到乡镇（街道）窗口办理',
    ),
  ).toBeVisible();
  await agency.itemPicker.fill('');
  // Pinyin initials, as at the counter's 受理.
  await agency.chooseItem('gljt', ALLOWANCE);
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
  const filed = await agency.saveFiled();
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
  await app.shell.switchUser();
  await app.signIn.signIn(CLERK);
  await app.shell.goTo('待接收');
  const inbox = new AgencyInboxPage(page);
  const row = inbox.row(filed.caseNo);
  await expect(row).toContainText(CHENGDONG.name);
  await expect(row).toContainText(AGENT.displayName);
  await expect(row).toContainText(PRINCIPAL.name);
  await expect(row).toContainText(ALLOWANCE);
  await expect(row).toContainText(`期限 ${filed.handoffDueDate}`);
  await expect(row).not.toContainText('逾期移交');
  await shot(page, 'agency-inbox');
  // 核对接收 opens the case, where the 代办 particulars and the agent's checklist come with it.
  const detail = await inbox.openCase(filed.caseNo);
  const particulars = page.getByRole('region', { name: '代办信息' });
  for (const [term, value] of [
    ['委托人（申请人）', PRINCIPAL.name],
    ['代办员', AGENT.displayName],
    ['代办点', CHENGDONG.name],
    ['授权委托书日期', today],
    ['代办原因', '申请人年老体弱，行动不便'],
    ['移交期限', filed.handoffDueDate],
  ] as const) {
    await expect(detail.fact(term, particulars)).toHaveText(value);
  }
  const dialog = await inbox.receive();
  await expect(
    dialog
      .getByRole('radiogroup', { name: '授权委托书 核对结果' })
      .getByRole('radio', { name: '已收取' }),
  ).toBeChecked();
  await expect(dialog).toContainText('确认后案件即受理');
  await shot(page, 'agency-receive');
  await dialog.getByRole('button', { name: '确认接收' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.timeline.last()).toContainText(CLERK.displayName);
  await expect(detail.fact('乡镇接收时间', particulars)).not.toHaveText('—');
  await app.shell.goTo('待接收');
  await expect(inbox.row(filed.caseNo)).toHaveCount(0);

  // The agent follows it: received at the township, then completed with a result to take back.
  await app.shell.switchUser();
  await app.signIn.signIn(AGENT);
  await app.shell.goTo('代办');
  await expect(agency.row(filed.caseNo)).toContainText('已受理');
  const clerk = await apiSignIn(appUrl, CLERK);
  await apiCall(
    appUrl,
    'cases.transition',
    { caseId: filed.id, action: 'complete', resultNote: '津贴已核定，自下月起按月发放' },
    clerk,
  );
  await page.reload();
  await expect(agency.row(filed.caseNo)).toContainText('已办结');
  await shot(page, 'agency-list-completed');
  await agency
    .row(filed.caseNo)
    .getByRole('link', { name: `办理结果 ${filed.caseNo}` })
    .click();
  await expect(detail.heading(filed.caseNo)).toBeVisible();
  await expect(page.getByRole('region', { name: '办理结果' })).toContainText(
    '津贴已核定，自下月起按月发放',
  );
  await expect(detail.fact('结果送达')).toHaveText('—');
  await shot(page, 'agency-result');
  await detail.act('登记送达', '代办员送达申请人家中');
  await expect(detail.fact('结果送达')).not.toHaveText('—');
  await expect(detail.actions.getByRole('button', { name: '登记送达' })).toHaveCount(0);
});

test('the township re-checks an agency case and sends what is missing to 补正', async ({
  page,
  appUrl,
  app,
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
  // The system administrator may not receive (the workflow's rule), so is not offered 待接收.
  await app.signIn.signIn(ADMIN);
  await expect(app.shell.nav.getByRole('link', { name: '案件' })).toBeVisible();
  await expect(app.shell.nav.getByRole('link', { name: '待接收' })).toHaveCount(0);
  await app.shell.switchUser();
  await app.signIn.signIn(CLERK);
  await app.shell.goTo('待接收');
  const inbox = new AgencyInboxPage(page);
  await inbox.openCase(filed.caseNo);
  const dialog = await inbox.receive();
  await dialog
    .getByRole('radiogroup', { name: '老年人户口簿 核对结果' })
    .getByText('缺少', { exact: true })
    .click();
  await expect(dialog).toContainText('尚缺 1 项必交材料：老年人户口簿。');
  await expect(dialog).toContainText('确认后案件转为待补正');
  await dialog.getByRole('button', { name: '确认接收' }).click();
  await expect(dialog).toBeHidden();
  const clerk = await apiSignIn(appUrl, CLERK);
  const received = await apiCall(appUrl, 'cases.get', { caseId: filed.id }, clerk);
  expect(received.state).toBe('pending_supplement');
  expect(received.materials.find((m) => m.name === '老年人户口簿')?.status).toBe('missing');
});

/** 2026-12-04 → 2026年12月4日, as official paper writes dates. */
function paperDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

test('the agent’s screen works like the clerk’s: Enter takes the first item, the principal is put in the agent’s village, a draft is kept, and a 代办受理凭证 is printed', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedAgencyTownship(appUrl);
  const admin = await apiSignIn(appUrl, ADMIN);
  await apiCall(
    appUrl,
    'settings.update',
    { idleLockMinutes: 15, backupRetentionDays: 30, counterPhone: '0577-67221234' },
    admin,
  );
  await apiCall(appUrl, 'auth.signOut', {}, admin);
  const agency = new AgencyPage(page);
  const today = shanghaiDate(new Date());

  await app.openAs(appUrl, AGENT, '代办');
  await agency.startFiling();
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toBeFocused();
  await page.keyboard.type(residentIdNumber('1938-05-20', 33));
  await page.keyboard.press('Enter');
  const newResident = page.getByRole('region', { name: '登记新群众' });
  await expect(newResident.getByRole('combobox', { name: '所属村（社区）' })).toHaveValue(
    CHENGDONG.name,
  );
  await expect(newResident.getByRole('textbox', { name: '姓名' })).toBeFocused();
  await page.keyboard.type('孙阿婆');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: '申请人信息' })).toContainText('孙阿婆');
  await expect(page.getByRole('region', { name: '申请人信息' })).toContainText(CHENGDONG.name);

  // As at the counter: the first match is highlighted and Enter takes it, nothing is submitted.
  await expect(agency.itemPicker).toBeFocused();
  await page.keyboard.type('gljt');
  await expect(page.getByRole('option').first()).toHaveText(new RegExp(`^${ALLOWANCE}`));
  await page.keyboard.press('Enter');
  await expect(agency.itemPicker).toHaveValue(ALLOWANCE);
  await expect(page.getByText('请填写委托书签署日期')).toBeHidden();
  for (const material of [
    '老年人居民身份证',
    '老年人户口簿',
    '高龄津贴申领表',
    '老年人社会保障卡或本人银行账户',
    '授权委托书',
    '受托人居民身份证',
  ]) {
    await agency.mark(material, '已收取');
  }
  await agency.fillAttorney(today, '申请人年老体弱，行动不便');

  // Away by the menu and back: the filing is as it was left.
  await app.shell.goTo('代办');
  await agency.startFiling();
  await expect(page.getByRole('status', { name: '草稿' })).toContainText('已恢复未完成的草稿');
  await expect(page.getByRole('region', { name: '申请人信息' })).toContainText('孙阿婆');
  await expect(agency.itemPicker).toHaveValue(ALLOWANCE);
  await expect(page.getByRole('textbox', { name: '委托书签署日期' })).toHaveValue(today);
  await expect(
    page
      .getByRole('radiogroup', { name: '授权委托书 核对结果', exact: true })
      .getByRole('radio', { name: '已收取' }),
  ).toBeChecked();

  const filed = await agency.saveFiled();
  await page.getByRole('link', { name: '打印代办受理凭证' }).click();
  await expect(page).toHaveURL(new RegExp(`#/print/cases/${filed.id}/agency$`));
  await expect(page.getByRole('article', { name: '代办受理凭证' })).toBeVisible();
  await page.evaluate('window.print = () => {}');
  const recorded = page.waitForResponse((r) => r.url().endsWith('/api/print.record'));
  await page.getByRole('button', { name: '打印', exact: true }).click();
  expect(await (await recorded).json()).toEqual({ ok: true, value: { count: 1 } });

  const text = await printedText(page, '代办受理凭证');
  expect(pageCount(text)).toBe(1);
  expect(text).toMatch(/^\s*代\s*办\s*受\s*理\s*凭\s*证\s*$/m);
  expect(text).toMatch(new RegExp(`编号：${filed.caseNo}`));
  expect(text).toMatch(/申请人\s+孙阿婆/);
  expect(text).toMatch(new RegExp(`代办员\\s+${AGENT.displayName}（${CHENGDONG.name}）`));
  expect(text).toMatch(new RegExp(`收件日期\\s+${paperDate(today)}`));
  expect(text).toMatch(new RegExp(`移交乡镇期限\\s+${paperDate(filed.handoffDueDate)}前`));
  expect(text).toMatch(/咨询电话\s+0577-67221234/);
  const flat = text.replace(/\s+/g, '');
  expect(flat).toContain('已收取的申请材料');
  expect(flat).toContain('授权委托书');
  expect(flat).toContain(
    `代办员将于${paperDate(filed.handoffDueDate)}前（收件后3个工作日内）将申请材料移交${DONGCHENG.centre}受理，自受理之日起5个工作日内办结`,
  );
  expect(flat).toContain(`${DONGCHENG.centre}受理后出具受理回执`);
  expect(flat).toContain(`办理进度可向代办员${AGENT.displayName}或拨打0577-67221234询问`);
  expect(text).toContain('委托人（签名）');
  expect(text).toContain(`${CHENGDONG.name}（盖章）`);

  // The filing's draft went with it.
  await page.goBack();
  await app.shell.goTo('代办');
  await agency.startFiling();
  await expect(page.getByRole('status', { name: '草稿' })).toBeHidden();
});
