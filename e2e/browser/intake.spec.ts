import type { Page } from '@playwright/test';
import {
  CLERK,
  IntakePage,
  ORG,
  SignInPage,
  TERMINAL,
  expect,
  lastPage,
  pageCount,
  printedText,
  seedTerminal,
  test,
  registerResident,
  setCounterPhone,
} from '../fixtures';
import { ActionCounter } from '../fixtures/actions';

// Valid GB 11643 numbers (check characters computed by MOD 11-2), born in Lucheng, Wenzhou.
const NEW_RESIDENT_ID = '330302199003071231';
const KNOWN_RESIDENT_ID = '330302195601011118';
/** Born the same day as NEW_RESIDENT_ID: with the same name, a look-alike. */
const LOOK_ALIKE_ID = '330302199003072410';
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

/** Running text wraps where the line ends; read a sentence of it without the breaks. */
function unwrapped(text: string): string {
  return text.replace(/\s+/g, '');
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
  await seedTerminal(appUrl, [CLERK]);
  await setCounterPhone(appUrl, COUNTER_PHONE);
  await page.goto(appUrl);
  await new SignInPage(page).signIn(CLERK);
  const intake = new IntakePage(page);
  await intake.open();
  return intake;
}

/** A resident already on file, registered through the API as another counter would have. */
async function residentOnFile(appUrl: string, name: string, docNumber = KNOWN_RESIDENT_ID) {
  await registerResident(appUrl, CLERK, {
    docType: 'resident_id',
    docNumber,
    name,
    phone: '13957712345',
    address: '五马街道墨池坊 3 号',
  });
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
  await residentOnFile(appUrl, '王小明', LOOK_ALIKE_ID);

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
  // Another 王小明 born the same day, in no village either: the backend asks to confirm.
  const warning = intake.newResidentForm.getByRole('alert');
  await expect(warning).toContainText('可能是重复档案');
  await expect(warning).toContainText('已有 1 份姓名、出生日期和所属村（社区）都相同的档案');
  // Beside the birth date just typed, the look-alike's masked number would be its whole number.
  await expect(warning).not.toContainText('330302********2410');
  const confirm = intake.newResidentForm.getByRole('checkbox', { name: '确认不是重复档案' });
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Space');
  await intake.newResidentForm.getByRole('button', { name: '登记并选用' }).click();
  await expect(intake.residentName).toHaveText('王小明');
  await expect(intake.residentCard).toContainText('新登记');
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
  // One sheet: the signatures and the seal on the same paper as what they sign for.
  expect(pageCount(text)).toBe(1);
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

test('an incomplete case gets a one-time notice of exactly what is missing; the return is accepted', async ({
  page,
  appUrl,
}) => {
  test.slow();
  const intake = await openCounter(page, appUrl);
  await residentOnFile(appUrl, '李建华');
  const [idCard, householdBook, applicationForm, bankAccount] = ELDERLY_ALLOWANCE.required;

  await intake.lookUp(KNOWN_RESIDENT_ID);
  await expect(intake.residentName).toHaveText('李建华');
  await expect(intake.residentCard).toContainText('已有档案');
  // The age beside the masked number, not the birth date that is its hidden middle.
  await expect(intake.residentCard).toContainText(/年龄\d+ 岁/);
  await expect(intake.residentCard).not.toContainText('1956-01-01');
  await expect(intake.residentCard).toContainText('330302********1118');
  await intake.chooseItem('高龄', ELDERLY_ALLOWANCE.name);
  await intake.mark(idCard!, '已收取');
  await intake.mark(householdBook!, '已收取');
  // Her son came in her place: the power of attorney's situation applies, and it was not brought.
  await intake.mark(ELDERLY_ALLOWANCE.attorney, '缺少');
  await expect(intake.checklistSummary).toHaveText(
    `尚缺 3 项必交材料：${applicationForm}、${bankAccount}、${ELDERLY_ALLOWANCE.attorney}。可出具一次性告知单。`,
  );
  await expect(page.getByRole('button', { name: '受理', exact: true })).toBeDisabled();
  const { caseNo } = await intake.save('一次性告知');
  await expect(page.getByText(`已出具一次性告知单，编号 ${caseNo}，案件待补正`)).toBeVisible();
  await intake.expectPaper('notice', '一次性告知单');
  await printOnce(page);

  const text = await printedText(page, '一次性告知单');
  // Five materials run onto a second sheet; the signatures and seal go with the last rows, never alone.
  expect(pageCount(text)).toBeLessThanOrEqual(2);
  expect(lastPage(text)).toContain(householdBook!);
  expect(lastPage(text)).toContain('（盖章）');
  expect(text).toMatch(/^\s*一\s*次\s*性\s*告\s*知\s*单\s*$/m);
  expect(text).toContain(`编号：${caseNo}`);
  expect(text).toMatch(/申请人\s+李建华/);
  expect(text).toMatch(/证件号码\s+居民身份证 330302\*{8}1118/);
  expect(text).toMatch(new RegExp(`窗口电话\\s+${COUNTER_PHONE}`));
  const missing = section(text, '需要补正的材料', '已收取的材料');
  const received = section(text, '已收取的材料', '申请人（签收）');
  for (const name of [applicationForm!, bankAccount!, ELDERLY_ALLOWANCE.attorney]) {
    expect(missing).toContain(name);
    expect(received).not.toContain(name);
  }
  for (const name of [idCard!, householdBook!]) {
    expect(received).toContain(name);
    expect(missing).not.toContain(name);
  }
  // Not applicable: on neither list.
  expect(text).not.toContain(ELDERLY_ALLOWANCE.agentId);
  expect(missing.match(/必交/g)).toHaveLength(2);
  expect(missing).toContain('视情形提交');
  expect(missing).toContain('获取途径：申请人自备');
  expect(text).not.toContain('已出具一次性告知单');

  // The resident comes back another day with the rest: the same number picks the case up.
  await page.getByRole('button', { name: '返回' }).click();
  await expect(intake.heading).toBeVisible();
  await intake.lookUp(KNOWN_RESIDENT_ID);
  await expect(intake.pendingSupplements).toContainText('该群众有 1 件待补正的申请');
  await expect(intake.pendingSupplements).toContainText(`${caseNo} ${ELDERLY_ALLOWANCE.name}`);
  const take = page.getByRole('button', { name: `办理补正 ${caseNo}` });
  await expect(take).toBeFocused();
  await page.keyboard.press('Enter');
  const supplement = page.getByRole('region', { name: '补正' });
  await expect(
    supplement
      .getByRole('radiogroup', { name: `${idCard} 核对结果` })
      .getByRole('radio', { name: '已收取' }),
  ).toBeChecked();
  for (const name of [applicationForm!, bankAccount!, ELDERLY_ALLOWANCE.attorney]) {
    await intake.mark(name, '已收取', supplement);
  }
  const accepted = await intake.save('补正齐全，受理', 'cases.supplement');
  expect(accepted.caseNo).toBe(caseNo);
  await expect(
    page.getByText(`已受理，受理编号 ${caseNo}，承诺 ${accepted.dueDate} 前办结`),
  ).toBeVisible();
  await intake.expectPaper('receipt', '受理回执');
  const receipt = await printedText(page, '受理回执');
  expect(receipt).toContain(`编号：${caseNo}`);
  expect(receipt).toMatch(
    new RegExp(`承诺办结日期\\s+${paperDate(accepted.dueDate ?? '')}前办结（5 个工作日）`),
  );
  const all = section(receipt, '已收取的申请材料', '请妥善保管');
  for (const name of [...ELDERLY_ALLOWANCE.required, ELDERLY_ALLOWANCE.attorney]) {
    expect(all).toContain(name);
  }
});

test('a name that looks like HTML or SQL is stored and shown exactly as typed', async ({
  page,
  appUrl,
}) => {
  test.slow();
  const name = "<b>张三</b>'; DROP TABLE residents;--";
  const intake = await openCounter(page, appUrl);
  await intake.lookUp(NEW_RESIDENT_ID);
  await intake.register({ name });
  await expect(intake.residentName).toHaveText(name);
  await expect(page.locator('b', { hasText: '张三' })).toHaveCount(0);

  // Looked up again from the database: the record (and its table) are there, the name as typed.
  await intake.residentCard.getByRole('button', { name: '换一位' }).click();
  await intake.lookUp(NEW_RESIDENT_ID);
  await expect(intake.residentName).toHaveText(name);
  await expect(intake.residentCard).toContainText('已有档案');

  // An instant item, completed on the spot.
  await intake.chooseItem('ZJ-XZ-0001', '城乡居民基本医疗保险参保登记');
  await intake.mark('居民身份证或户口簿', '已收取');
  await intake.mark('城乡居民基本医疗保险参保登记表', '已收取');
  await expect(page.getByRole('switch', { name: '即办件当场办结并交付' })).toBeChecked();
  const { caseNo, state } = await intake.save('受理');
  expect(state).toBe('completed');
  await expect(page.getByText(`即办件已当场办结，受理编号 ${caseNo}`)).toBeVisible();
  await intake.expectPaper('receipt', '受理回执');
  await expect(page.getByRole('article', { name: '受理回执' })).toContainText(`${name}：`);
  const text = await printedText(page, '受理回执');
  expect(text).toContain(`${name}：`);
  expect(text).toMatch(new RegExp(`申请人\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  expect(text).toMatch(/承诺办结日期\s+即办件，已于\d{4}年\d{1,2}月\d{1,2}日当场办结/);
});

test('an application that is not ours gets a 不予受理通知书 with the reason and where to go', async ({
  page,
  appUrl,
}) => {
  test.slow();
  const intake = await openCounter(page, appUrl);
  await residentOnFile(appUrl, '陈美玲');
  await intake.lookUp(KNOWN_RESIDENT_ID);
  await expect(intake.residentName).toHaveText('陈美玲');
  await intake.chooseItem('hkqy', '户口迁移');
  const dialog = await intake.openRefusal();
  await dialog.getByRole('button', { name: '确认不予受理并打印通知书' }).click();
  await expect(dialog.getByRole('textbox', { name: '不予受理的理由' })).toHaveAccessibleDescription(
    '请填写不予受理的理由',
  );
  await expect(dialog.getByRole('textbox', { name: '请到何处办理' })).toHaveAccessibleDescription(
    '请告知应到何处办理',
  );
  const reason = '户口迁移由公安机关户籍窗口办理，不属于本中心受理范围';
  const redirect = '鹿城区公安分局五马派出所户籍窗口';
  await dialog.getByRole('textbox', { name: '不予受理的理由' }).fill(reason);
  await dialog.getByRole('textbox', { name: '请到何处办理' }).fill(redirect);
  const { caseNo } = await intake.save('确认不予受理并打印通知书');
  await expect(page.getByText(`已不予受理，编号 ${caseNo}`)).toBeVisible();
  await intake.expectPaper('rejection', '不予受理通知书');
  await printOnce(page);

  const text = await printedText(page, '不予受理通知书');
  expect(pageCount(text)).toBe(1);
  expect(text).toMatch(/^\s*不\s*予\s*受\s*理\s*通\s*知\s*书\s*$/m);
  expect(text).toContain(`编号：${caseNo}`);
  expect(text).toMatch(/申请人\s+陈美玲/);
  expect(text).toMatch(/申请事项\s+户口迁移（ZJ-XZ-0039）/);
  expect(text).toMatch(new RegExp(`不予受理理由\\s+${reason}`));
  expect(text).toMatch(new RegExp(`建议办理机构\\s+${redirect}`));
  expect(unwrapped(text)).toContain(`经审查，${reason}。本中心决定不予受理。请到${redirect}办理。`);
  expect(text).not.toContain('已不予受理');
});

test('a complete intake for a new resident takes at most 12 actions from the ID number to the receipt', async ({
  page,
  appUrl,
}) => {
  test.slow();
  const intake = await openCounter(page, appUrl);
  const act = new ActionCounter(page);

  // The number field has the focus when 受理 opens: counting starts with typing into it.
  await expect(intake.documentNumber).toBeFocused();
  await act.type(NEW_RESIDENT_ID, '证件号码');
  await act.press('Enter');
  await expect(intake.newResidentForm.getByRole('textbox', { name: '姓名' })).toBeFocused();
  await act.type('王小明', '姓名');
  await act.press('Enter');
  await expect(intake.residentName).toHaveText('王小明');
  await expect(page.getByRole('combobox', { name: '办理事项' })).toBeFocused();
  await act.type(ELDERLY_ALLOWANCE.search, '办理事项');
  await expect(page.getByRole('option').first()).toHaveText(
    new RegExp(`^${ELDERLY_ALLOWANCE.name}`),
  );
  await act.press('Enter');
  for (const name of ELDERLY_ALLOWANCE.required) {
    const group = page.getByRole('radiogroup', { name: `${name} 核对结果`, exact: true });
    await act.click(group.getByText('已收取', { exact: true }), `${name} 已收取`);
    await expect(group.getByRole('radio', { name: '已收取' })).toBeChecked();
  }
  await act.click(page.getByRole('button', { name: '受理', exact: true }), '受理');
  await intake.expectPaper('receipt', '受理回执');

  console.log(act.report('complete intake, ID number to receipt'));
  expect(act.count).toBeLessThanOrEqual(12);
});
