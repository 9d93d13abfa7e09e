import type { Page } from '@playwright/test';
import type { MethodInput } from '../../shared/api';
import {
  ADMIN,
  CLERK,
  ResidentRecordPage,
  ResidentsPage,
  SignInPage,
  YANTOU,
  apiCall,
  expect,
  seedTerminal,
  test,
} from '../fixtures';
import { CaseSeeder, residentIdNumber } from '../fixtures/case-seed';
import { SUPERVISOR, signInToken } from '../fixtures/mediation-seed';

// Born 1949-12-31, sequence 002 (even: female), check character X.
const ID_WITH_X = '11010519491231002X';
const ZHANG_ID = residentIdNumber('1990-01-01', 123);
const LI_ID = residentIdNumber('1985-06-15', 124);
const WANG_ID = residentIdNumber('1978-03-04', 135);

type NewResident = MethodInput<'residents.create'>;

async function createResident(appUrl: string, token: string, resident: NewResident) {
  return apiCall(appUrl, 'residents.create', resident, token);
}

function wrongCheckCharacter(id: string): string {
  return id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
}

async function signInAsClerk(page: Page, appUrl: string) {
  await seedTerminal(appUrl, [CLERK], YANTOU);
  await page.goto(appUrl);
  await new SignInPage(page).signIn(CLERK);
}

test('a clerk registers a resident; a wrong check character is refused and nothing is saved', async ({
  page,
  appUrl,
  app,
}) => {
  await signInAsClerk(page, appUrl);
  const residents = new ResidentsPage(page);
  await app.shell.goTo('群众档案');
  await residents.openNew();

  const number = residents.field('证件号码');
  await expect(number).toBeFocused();
  // Judged as soon as all 18 characters are in, before the field is left.
  await number.fill(wrongCheckCharacter(ZHANG_ID));
  await expect(residents.form.getByText('身份证号校验位不正确，请核对最后一位')).toBeVisible();
  await number.fill('330302199902301238');
  await expect(
    residents.form.getByText('身份证号中的出生日期 19990230 不是有效日期'),
  ).toBeVisible();
  await number.fill(wrongCheckCharacter(ZHANG_ID));
  await residents.field('姓名').fill('张三丰');
  await residents.save();
  await expect(residents.form.getByText('身份证号校验位不正确，请核对最后一位')).toBeVisible();
  await expect(residents.form).toBeVisible();
  const token = await signInToken(appUrl, CLERK);
  expect((await apiCall(appUrl, 'residents.search', { query: '' }, token)).total).toBe(0);

  // A lower-case x is the same number as X; gender and birth date follow from it.
  await number.fill(ID_WITH_X.toLowerCase());
  await expect(residents.form.getByText(`将保存为 ${ID_WITH_X}`)).toBeVisible();
  await expect(residents.field('性别')).toHaveValue('女');
  await expect(residents.field('出生日期')).toHaveValue('1949-12-31');
  await residents.field('姓名').fill('欧阳娜娜');
  await residents.field('联系电话').fill('1380013800');
  await residents.field('住址').click();
  await expect(residents.form.getByText('手机号应为11位数字，以13至19开头')).toBeVisible();
  await residents.field('联系电话').fill('138 0013 8000');
  await residents.field('住址').fill('岩头镇岩头村丽水街 8 号');
  await residents.chooseVillage('岩头村');
  await residents.save();

  await expect(page.getByRole('heading', { name: '欧阳娜娜', level: 2 })).toBeVisible();
  const record = new ResidentRecordPage(page);
  await expect(record.particulars).toContainText('110105********002X');
  await expect(record.particulars).toContainText('138****8000');
  await expect(record.particulars).toContainText('岩头村');
  await expect(record.particulars).not.toContainText(ID_WITH_X);

  // The same document again: refused, with the way to the record that holds it.
  await app.shell.goTo('群众档案');
  await residents.openNew();
  await residents.field('证件号码').fill(ID_WITH_X);
  await residents.field('姓名').fill('欧阳娜');
  await residents.save();
  await expect(residents.form.getByRole('alert')).toContainText(
    '该居民身份证号码已登记在“欧**娜”的档案中',
  );
  await residents.form.getByRole('link', { name: '打开已有档案' }).click();
  await expect(page.getByRole('heading', { name: '欧阳娜娜', level: 2 })).toBeVisible();
});

test('residents are found by two characters, pinyin initials and document number, masked in the list', async ({
  page,
  appUrl,
  app,
}) => {
  await signInAsClerk(page, appUrl);
  const token = await signInToken(appUrl, CLERK);
  for (const [name, docNumber, phone] of [
    ['张三丰', ZHANG_ID, '13800138000'],
    ['李四', LI_ID, '0577-67112233'],
    ['王三', WANG_ID, null],
  ] as const) {
    await createResident(appUrl, token, { docType: 'resident_id', docNumber, name, phone });
  }
  const residents = new ResidentsPage(page);
  await app.shell.goTo('群众档案');
  await expect(residents.searchBox).toBeFocused();
  await expect(residents.rows).toHaveCount(3);

  await residents.search('三丰');
  await expect(residents.rows).toHaveCount(1);
  await expect(residents.row('张三丰')).toBeVisible();

  await residents.search('zsf');
  await expect(residents.rows).toHaveCount(1);
  await expect(residents.row('张三丰')).toBeVisible();

  await residents.search(LI_ID);
  await expect(residents.rows).toHaveCount(1);
  const li = residents.row('李四');
  await expect(li.getByRole('cell', { name: `330302********${LI_ID.slice(-4)}` })).toBeVisible();
  await expect(li.getByRole('cell', { name: '0577-****2233' })).toBeVisible();
  await expect(residents.table).not.toContainText(LI_ID);
  await expect(residents.table).not.toContainText('67112233');
  await expect(residents.table).not.toContainText('1985-06-15');
  await expect(li.getByRole('cell', { name: /^\d+ 岁$/ })).toBeVisible();

  // Part of a number finds nothing, whatever the hidden digits are; the visible head does.
  await residents.searchBox.fill(LI_ID.slice(0, 10));
  await expect(
    page.getByText('证件号码和电话请输入完整号码，遮蔽的部分不能用来查找'),
  ).toBeVisible();
  await residents.search(LI_ID.slice(0, 6));
  await expect(residents.rows).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath('residents-list.png') });

  await residents.searchBox.fill('33');
  await expect(page.getByText('按证件号码或电话查找请至少输入 3 位')).toBeVisible();

  // Enter opens the one record a search found.
  await residents.search('王三');
  await expect(residents.rows).toHaveCount(1);
  await residents.searchBox.press('Enter');
  await expect(page.getByRole('heading', { name: '王三', level: 2 })).toBeVisible();
});

test('一人一档 lists the resident’s case; revealing the ID number shows it in full and is audited', async ({
  page,
  appUrl,
  app,
}) => {
  // Two accounts, five sessions, each verifying a deliberately slow password hash.
  test.slow();
  await signInAsClerk(page, appUrl);
  const token = await signInToken(appUrl, CLERK);
  const zhang = await createResident(appUrl, token, {
    docType: 'resident_id',
    docNumber: ZHANG_ID,
    name: '张三丰',
    phone: '13800138000',
  });
  const seeder = await CaseSeeder.signIn(appUrl, CLERK);
  const taken = await seeder.acceptComplete(zhang.id, '高龄津贴申领');
  const residents = new ResidentsPage(page);
  const record = new ResidentRecordPage(page);
  await app.shell.goTo('群众档案');
  await residents.row('张三丰').getByRole('link', { name: '张三丰' }).click();
  await expect(page.getByRole('heading', { name: '张三丰', level: 2 })).toBeVisible();

  await expect(record.tab('办件记录')).toHaveAttribute('aria-selected', 'true');
  const caseRow = record.casesTable
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: taken.caseNo }) });
  await expect(caseRow).toContainText('高龄津贴申领');
  await expect(caseRow).toContainText('已受理');
  await expect(caseRow).toContainText(taken.dueDate ?? 'no due date');
  await expect(caseRow.getByRole('link', { name: taken.caseNo })).toHaveAttribute(
    'href',
    `#/cases/${taken.id}`,
  );
  // A clerk does not read disputes (mediation.ofResident): no tab is offered.
  await expect(record.tab('矛盾纠纷')).toHaveCount(0);

  await expect(record.particulars).not.toContainText(ZHANG_ID);
  // Beside the mask the age, not the birth date that is the mask's hidden middle.
  await expect(record.particulars).toContainText(/年龄\d+ 岁/);
  await expect(record.particulars).not.toContainText('1990-01-01');
  await record.reveal('证件号码', '办理业务核对身份');
  await expect(record.revealed('证件号码')).toHaveText(ZHANG_ID);
  await expect(record.particulars.getByText('出生日期 1990-01-01')).toBeVisible();
  await expect(record.particulars.getByText('已记入审计日志')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('resident-revealed.png') });
  await record.particulars.getByRole('button', { name: '立即隐藏' }).click();
  await expect(record.particulars).not.toContainText(ZHANG_ID);

  // An edit that leaves the (masked) phone blank keeps it.
  await page.getByRole('button', { name: '修改档案' }).click();
  const edit = page.getByRole('dialog', { name: '修改群众档案' });
  await expect(edit.getByRole('textbox', { name: '姓名', exact: true })).toBeFocused();
  await edit.getByRole('textbox', { name: '住址', exact: true }).fill('岩头镇港头村 12 号');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(record.particulars).toContainText('岩头镇港头村 12 号');
  await expect(record.particulars).toContainText('138****8000');

  await app.shell.switchUser();
  await app.signIn.signIn(ADMIN);
  await app.shell.goTo('审计日志');
  const entry = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: CLERK.username, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: '查看居民完整信息', exact: true }) });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('查看张*丰的完整证件号码；事由：办理业务核对身份');
  await expect(entry).not.toContainText(ZHANG_ID);
});

test('一人一档 shows a supervisor the disputes the resident is a party to', async ({
  page,
  appUrl,
  app,
}) => {
  await seedTerminal(appUrl, [SUPERVISOR], YANTOU);
  const token = await signInToken(appUrl, SUPERVISOR);
  const [zhang, li] = [
    await createResident(appUrl, token, {
      docType: 'resident_id',
      docNumber: ZHANG_ID,
      name: '张三丰',
    }),
    await createResident(appUrl, token, { docType: 'resident_id', docNumber: LI_ID, name: '李四' }),
  ];
  const { dispute } = await apiCall(
    appUrl,
    'mediation.register',
    {
      type: 'neighbour',
      source: 'application',
      summary: '相邻宅基地排水沟纠纷',
      parties: [
        { kind: 'person', role: 'applicant', residentId: zhang.id },
        { kind: 'person', role: 'respondent', residentId: li.id },
      ],
    },
    token,
  );
  await app.openAs(appUrl, SUPERVISOR, '群众档案');
  const residents = new ResidentsPage(page);
  await residents.search('李四');
  await residents.searchBox.press('Enter');
  await expect(page.getByRole('heading', { name: '李四', level: 2 })).toBeVisible();

  const record = new ResidentRecordPage(page);
  await record.tab('矛盾纠纷').click();
  const row = page
    .getByRole('tabpanel', { name: /^矛盾纠纷/ })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: dispute.caseNo }) });
  await expect(row).toContainText('邻里');
  await expect(row).toContainText('被申请人');
  await expect(row).toContainText('张三丰、李四');
  await expect(row.getByRole('link', { name: dispute.caseNo })).toHaveAttribute(
    'href',
    `#/mediation/${dispute.id}`,
  );
});
