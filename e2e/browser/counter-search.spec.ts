import {
  CLERK,
  CataloguePage,
  IntakePage,
  apiCall,
  expect,
  seedTerminal,
  test,
  apiSignIn,
} from '../fixtures';
import { CaseSeeder, residentIdNumber } from '../fixtures/case-seed';
import { CaseListPage } from '../fixtures/pages/cases';
import { SUPERVISOR } from '../fixtures/mediation-seed';

/*
 * Issue 12 item 3: the words clerks search with. The short name a resident says (低保), the
 * initials of it (dbsq) or of the middle of a long name (ylbx), the applicant's ID card or phone.
 */

test('a clerk finds an item by its short name and by initials from anywhere in the name', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedTerminal(appUrl, [CLERK]);
  const seed = await CaseSeeder.signIn(appUrl, CLERK);
  const resident = await seed.resident('周阿婆', '1948-05-06', 21);
  await seed.signOut();
  await app.openAs(appUrl, CLERK);

  // The catalogue's own hint names 低保 and dbsq: both find 最低生活保障.
  await app.shell.goTo('事项目录');
  const catalogue = new CataloguePage(page);
  await expect(catalogue.searchBox).toHaveAttribute('placeholder', /低保、dbsq/);
  await catalogue.search('低保');
  await expect(catalogue.row('最低生活保障申请')).toBeVisible();
  await expect(catalogue.row('最低生活保障申请')).toContainText('低保申请');
  await expect(catalogue.row('最低生活保障边缘家庭认定')).toBeVisible();
  await catalogue.search('dbsq');
  await expect(catalogue.row('最低生活保障申请')).toBeVisible();
  await catalogue.search('ylbx');
  await expect(catalogue.row('城乡居民基本医疗保险参保登记')).toBeVisible();
  await catalogue.search('0025');
  await expect(catalogue.row('残疾人证申领')).toBeVisible();

  // At the counter the item picker answers the same way.
  const intake = new IntakePage(page);
  await intake.open();
  await intake.lookUp(residentIdNumber('1948-05-06', 21));
  await expect(intake.residentName).toHaveText(resident.name);
  await intake.chooseItem('dbsq', '最低生活保障申请');
  await expect(page.getByRole('combobox', { name: '办理事项' })).toHaveValue('最低生活保障申请');
});

test('a supervisor adds a short name to an item, and the counter finds the item by it', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedTerminal(appUrl, [SUPERVISOR]);
  await app.openAs(appUrl, SUPERVISOR, '事项目录');
  const catalogue = new CataloguePage(page);
  await catalogue.search('光荣证');
  await expect(page.getByText('没有符合条件的事项')).toBeVisible();

  await catalogue.open('独生子女父母奖励');
  const aliases = page.getByRole('combobox', { name: '简称与别名' });
  await aliases.fill('光荣证');
  await aliases.press('Enter');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  // Aliases are no part of a version: a case depends on nothing they say.
  await expect(page.getByText(/当前为第 1 版/)).toBeVisible();

  await app.shell.goTo('事项目录');
  await catalogue.search('光荣证');
  await expect(catalogue.row('独生子女父母奖励')).toBeVisible();
  await catalogue.search('grz');
  await expect(catalogue.row('独生子女父母奖励')).toBeVisible();
});

test('a clerk holding the applicant’s ID card finds their cases by its whole number, or by their phone', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedTerminal(appUrl, [CLERK]);
  const seed = await CaseSeeder.signIn(appUrl, CLERK);
  const token = await apiSignIn(appUrl, CLERK);
  // The card's check character is X; a clerk types it as x.
  const idNumber = residentIdNumber('1961-08-09', 3);
  const resident = await apiCall(
    appUrl,
    'residents.create',
    {
      name: '郑美玲',
      docType: 'resident_id',
      docNumber: idNumber,
      phone: '13905771234',
      address: '五马街道纱帽河 6 号',
      villageOrgId: null,
    },
    token,
  );
  const accepted = await seed.acceptComplete(resident.id, '高龄津贴申领');
  await seed.signOut();

  await app.openAs(appUrl, CLERK, '案件');
  const cases = new CaseListPage(page);
  await cases.search(idNumber.toLowerCase());
  await expect(cases.row(accepted.caseNo)).toBeVisible();
  await expect(cases.row(accepted.caseNo)).toContainText('郑美玲');
  await cases.search('139 0577 1234');
  await expect(cases.row(accepted.caseNo)).toBeVisible();

  // The list masks the middle of the number: typing the birth date there finds nothing.
  await cases.search('19610809');
  await expect(page.getByText('没有符合条件的案件')).toBeVisible();
});
