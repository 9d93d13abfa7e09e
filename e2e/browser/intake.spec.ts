import type { Page } from '@playwright/test';
import {
  ADMIN,
  CLERK,
  IntakePage,
  ORG,
  SignInPage,
  TERMINAL,
  apiCall,
  expect,
  printedText,
  seedTerminal,
  test,
} from '../fixtures';

// Valid GB 11643 numbers (check characters computed by MOD 11-2), born in Lucheng, Wenzhou.
const NEW_RESIDENT_ID = '330302199003071231';
const COUNTER = `${ORG.name} ${TERMINAL.name}`;
const COUNTER_PHONE = '0577-88881234';

const ELDERLY_ALLOWANCE = {
  name: '高龄津贴申领',
  search: 'gljt',
  required: [
    '老年人居民身份证',
    '老年人户口簿',
    '高龄津贴申领表',
    '老年人社会保障卡或本人银行账户',
  ],
  attorney: '授权委托书',
  attorneyCondition: '视情形提交：委托他人或村（社区）代办员办理的',
  agentId: '受托人居民身份证',
};

/** 2026-12-04 → 2026年12月4日, as official paper writes dates. */
function paperDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The part of the paper's text between a heading and the next one (or the end). */
function section(text: string, heading: string, next?: string): string {
  const start = text.indexOf(heading);
  expect(start, `paper has a section ${heading}`).toBeGreaterThanOrEqual(0);
  const end = next ? text.indexOf(next, start) : -1;
  return text.slice(start, end === -1 ? undefined : end);
}

/** A terminal with a clerk, the counter's phone set, and a sign-in on the clerk's own password. */
async function openCounter(page: Page, appUrl: string) {
  await seedTerminal(appUrl, [{ account: CLERK, role: 'clerk' }]);
  const { token } = await apiCall(appUrl, 'auth.signIn', {
    username: ADMIN.username,
    password: ADMIN.password,
  });
  await apiCall(
    appUrl,
    'settings.update',
    { idleLockMinutes: 15, backupRetentionDays: 30, counterPhone: COUNTER_PHONE },
    token,
  );
  await apiCall(appUrl, 'auth.signOut', {}, token);
  await page.goto(appUrl);
  await new SignInPage(page).signIn(CLERK);
  const intake = new IntakePage(page);
  await intake.open();
  return intake;
}

/**
 * 打印 is counted (print.record) before the paper comes out. The browser's print dialog is
 * replaced by a counter, since headless Chromium keeps a page in print that never returns.
 */
async function printOnce(page: Page) {
  await page.evaluate(
    'window.printDialogs = 0; window.print = () => { window.printDialogs += 1; }',
  );
  const recorded = page.waitForResponse((r) => r.url().endsWith('/api/print.record'));
  await page.getByRole('button', { name: '打印', exact: true }).click();
  expect(await (await recorded).json()).toEqual({ ok: true, value: { count: 1 } });
  await expect.poll(() => page.evaluate('window.printDialogs')).toBe(1);
}

test('a complete case for a new resident is accepted and its receipt printed', async ({
  page,
  appUrl,
}) => {
  test.slow();
  const intake = await openCounter(page, appUrl);

  await intake.lookUp(NEW_RESIDENT_ID.slice(0, 17) + '2');
  await expect(intake.documentNumber).toHaveAccessibleDescription(
    '身份证号校验位不正确，请核对最后一位',
  );
  await intake.documentNumber.fill('');
  await intake.lookUp(NEW_RESIDENT_ID);
  await expect(intake.newResidentForm).toContainText('由证件号码得出：男，出生日期 1990-03-07');
  await intake.register({
    name: '王小明',
    phone: '138 0013 8000',
    address: '五马街道解放街 12 号',
  });
  await expect(intake.residentCard).toContainText('330302********1231');
  await expect(intake.residentCard).toContainText('138****8000');
  await expect(intake.residentCard).not.toContainText(NEW_RESIDENT_ID);

  await intake.chooseItem(ELDERLY_ALLOWANCE.search, ELDERLY_ALLOWANCE.name);
  await expect(intake.checklistSummary).toContainText('尚缺 4 项必交材料');
  await expect(page.getByRole('button', { name: '受理', exact: true })).toBeDisabled();
  for (const name of ELDERLY_ALLOWANCE.required) await intake.mark(name, '已收取');
  await expect(intake.checklistSummary).toHaveText('必交材料已齐全，可以受理。');
  const { caseNo, dueDate } = await intake.save('受理');
  // The screen says what the backend answered: the case number and the promised date.
  await expect(page.getByText(`已受理，受理编号 ${caseNo}，承诺 ${dueDate} 前办结`)).toBeVisible();
  await intake.expectPaper('receipt', '受理回执');
  await printOnce(page);

  const text = await printedText(page, '受理回执');
  expect(text).toMatch(/^\s*受\s*理\s*回\s*执\s*$/m);
  expect(text).toMatch(new RegExp(`编号：${caseNo}`));
  expect(text).toMatch(/申请人\s+王小明/);
  expect(text).toMatch(/证件号码\s+居民身份证 330302\*{8}1231/);
  expect(text).not.toContain(NEW_RESIDENT_ID);
  expect(text).toMatch(/联系电话\s+138\*{4}8000/);
  expect(text).toMatch(/办理事项\s+高龄津贴申领（ZJ-XZ-0019）/);
  expect(text).toMatch(
    new RegExp(`承诺办结日期\\s+${paperDate(dueDate ?? '')}前办结（5 个工作日）`),
  );
  expect(text).toMatch(new RegExp(`受理窗口\\s+${COUNTER}`));
  expect(text).toMatch(new RegExp(`窗口电话\\s+${COUNTER_PHONE}`));
  expect(text).toMatch(new RegExp(`经办人\\s+${CLERK.displayName}`));
  const received = section(text, '已收取的申请材料', '请妥善保管');
  for (const name of ELDERLY_ALLOWANCE.required) expect(received).toContain(name);
  expect(received).not.toContain(ELDERLY_ALLOWANCE.attorney);
  expect(received).not.toContain(ELDERLY_ALLOWANCE.agentId);
  expect(text).toContain(`${ORG.name}（盖章）`);
});
