import { ADMIN, SetupWizardPage, SignInPage, expect, test } from '../fixtures';

test('the wizard checks the division code against the level before going on', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  const wizard = new SetupWizardPage(page);
  await wizard.fillOrg({ level: '乡镇（街道）', divisionCode: '33030200', name: '五马街道' });
  await wizard.next();
  await expect(page.getByText('乡镇（街道）行政区划代码应为 9 位数字')).toBeVisible();
  // Still on the first step: the terminal fields have not appeared.
  await expect(page.getByRole('textbox', { name: '终端名称' })).toHaveCount(0);

  await page.getByRole('radio', { name: '村（社区）' }).check();
  await wizard.next();
  await expect(page.getByText('村（社区）行政区划代码应为 12 位数字')).toBeVisible();

  await page.getByRole('textbox', { name: '行政区划代码' }).fill('330302001001');
  await page.getByRole('textbox', { name: '行政区划代码' }).press('Enter');
  await expect(page.getByRole('textbox', { name: '终端名称' })).toBeFocused();
});

test('a trial picks its own unit from the demo org tree', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const wizard = new SetupWizardPage(page);
  await page.getByRole('checkbox', { name: /加载演示组织架构/ }).check();
  await page.getByRole('combobox', { name: '从演示组织架构中选择本单位' }).fill('城东社区');
  await page.getByRole('option', { name: '城东社区（330324001001）' }).click();

  await expect(page.getByRole('radio', { name: '村（社区）' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: '行政区划代码' })).toHaveValue('330324001001');
  await expect(page.getByRole('textbox', { name: '单位名称' })).toHaveValue('城东社区');
  await wizard.next();
  await wizard.fillTerminal({ name: '代办点', number: '01' });
  await wizard.next();
  await wizard.fillAdmin(ADMIN);
  await page.getByRole('button', { name: '完成设置' }).click();

  await new SignInPage(page).signIn(ADMIN);
  await expect(page.getByText(/您以系统管理员身份登录城东社区/)).toBeVisible();
});
