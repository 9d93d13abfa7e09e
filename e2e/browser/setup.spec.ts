import { ADMIN, SetupWizardPage, expect, test } from '../fixtures';

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

test('a trial picks its own unit from the demo org tree', async ({ page, appUrl, app }) => {
  await page.goto(appUrl);
  const wizard = new SetupWizardPage(page);
  await page.getByRole('radio', { name: '村（社区）' }).check();
  await page.getByRole('checkbox', { name: /加载演示组织架构/ }).check();
  await page.getByRole('combobox', { name: '从演示组织架构中选择本单位' }).fill('城东社区');
  await page.getByRole('option', { name: '城东社区', exact: true }).click();

  await expect(page.getByRole('radio', { name: '村（社区）' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: '行政区划代码' })).toHaveValue('330324001001');
  await expect(page.getByRole('textbox', { name: '单位名称' })).toHaveValue('城东社区');
  await wizard.next();
  await wizard.fillTerminal({ name: '代办点', number: '01' });
  await wizard.next();
  await wizard.fillAdmin(ADMIN);
  await page.getByRole('button', { name: '完成设置' }).click();

  await app.signIn.signIn(ADMIN);
  await expect(page.getByText(/您以系统管理员身份登录城东社区/)).toBeVisible();
});

test.describe('at the counter PC’s 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a township picks itself from the demo tree by its plain name, and its administrator works on his own password', async ({
    page,
    appUrl,
    app,
  }) => {
    await page.goto(appUrl);
    const wizard = new SetupWizardPage(page);
    await page.getByRole('radio', { name: '乡镇（街道）' }).check();
    await page.getByRole('checkbox', { name: /加载演示组织架构/ }).check();
    const picker = page.getByRole('combobox', { name: '从演示组织架构中选择本单位' });
    await picker.click();
    const options = page.getByRole('option');
    await expect(options.filter({ hasText: '岩头镇' })).toHaveText(['岩头镇']);
    await expect(page.getByRole('option', { name: '东城街道', exact: true })).toBeVisible();
    // Neither the county nor a village is offered at this level.
    await expect(page.getByRole('option', { name: '永嘉县', exact: true })).toHaveCount(0);
    await expect(page.getByRole('option', { name: '城东社区', exact: true })).toHaveCount(0);
    await expect(page.getByRole('option', { name: '岩头村', exact: true })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('township-picker.png') });
    await page.getByRole('option', { name: '岩头镇', exact: true }).click();
    await expect(page.getByRole('textbox', { name: '行政区划代码' })).toHaveValue('330324108');
    await expect(page.getByRole('textbox', { name: '单位名称' })).toHaveValue('岩头镇');

    await wizard.next();
    await wizard.fillTerminal({ name: '一号窗口', number: '01' });
    await wizard.next();
    await wizard.fillAdmin(ADMIN);
    await page.getByRole('button', { name: '完成设置' }).click();

    // The password he typed in the wizard is his own: no second change is asked for.
    await app.signIn.submit(ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { name: ADMIN.displayName })).toBeVisible();
    await expect(page.getByRole('heading', { name: '请修改初始密码' })).toHaveCount(0);
    await expect(page.getByText(/由管理员设置/)).toHaveCount(0);

    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '用户管理' })
      .click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await expect(dialog.getByRole('combobox', { name: '所属单位' })).toHaveValue('岩头镇');
    await dialog.getByRole('combobox', { name: '所属单位' }).click();
    await expect(page.getByRole('option', { name: '岩头镇', exact: true })).toBeVisible();
    await expect(page.getByRole('option', { name: '岩头村', exact: true })).toBeVisible();
    await expect(page.getByRole('option', { name: /（/ })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('unit-names.png') });
  });
});
