import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, TOWNSHIP_ADMIN, apiCall, apiSignIn, expect, test } from '../fixtures';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';
import { startServer, type RunningServer } from '../fixtures/server';

/** The demo county that `npm run hub` serves, and one of its townships. */
const YANTOU = { code: '330324108', name: '岩头镇' };

// One county: the real hub (npm run hub's code on PGlite in a temp folder) and its centre's terminal,
// which the first test sets up through the wizard and the second uses to manage a township's.
test.describe.serial('a county hub and its terminals', () => {
  let folder: string;
  let hub: CountyHub;
  let centre: RunningServer;

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 60_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-hub-e2e-'));
    hub = await startCountyHub(join(folder, 'hub'));
    centre = await startServer(join(folder, 'centre'));
  });

  test.afterAll(async () => {
    await centre?.stop();
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('the county centre joins the hub in the wizard, then issues a code for a township', async ({
    page,
    app,
  }) => {
    await page.goto(centre.url);
    // The segmented control's radio is hidden behind its label, which is what a person clicks.
    await page.getByText('加入县级平台', { exact: true }).click();
    await expect(page.getByRole('radio', { name: '加入县级平台' })).toBeChecked();
    const url = page.getByRole('textbox', { name: '县级平台地址' });
    const code = page.getByRole('textbox', { name: '加入码' });
    await url.fill(hub.url);
    await code.fill('ZZZZ-ZZZZ-ZZZZ');
    await code.press('Enter');
    await expect(page.getByText('加入码不正确，请核对后重新输入')).toBeVisible();

    await code.fill(hub.firstCode);
    await code.press('Enter');
    const joined = page.getByRole('alert').filter({ hasText: '已加入县级平台' });
    await expect(joined).toContainText('永嘉县（县级中心，330324）');
    await expect(joined).toContainText('终端编号：01（由县级平台分配）');
    await page.screenshot({ path: test.info().outputPath('joined.png') });
    await page.getByRole('textbox', { name: '终端名称' }).fill('县中心一号机');
    await page.getByRole('textbox', { name: '管理员用户名' }).fill(ADMIN.username);
    await page.getByRole('textbox', { name: '管理员姓名' }).fill(ADMIN.displayName);
    await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
    await page.getByRole('textbox', { name: '确认密码' }).fill(ADMIN.password);
    await page.getByRole('button', { name: '完成设置' }).click();

    await app.signIn.signIn(ADMIN);
    const { shell } = app;
    await shell.goTo('县级平台');
    const facts = page.getByRole('table', { name: '县级平台连接' });
    await expect(facts).toContainText('已加入');
    await expect(facts.getByRole('row', { name: /终端编号/ })).toContainText('01');
    await expect(facts.getByRole('row', { name: /本单位/ })).toContainText('永嘉县');

    await shell.goTo('终端管理');
    await page.getByRole('combobox', { name: '新终端所属单位' }).fill(YANTOU.name);
    await page.getByRole('option', { name: new RegExp(`^${YANTOU.name}`) }).click();
    await page.getByRole('button', { name: '签发加入码' }).click();
    await expect(page.getByLabel('加入码', { exact: true })).toHaveText(
      /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/,
    );
    await expect(
      page.getByText(/有效至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，只能使用一次/),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /永嘉县/ })).toContainText('正常（本机）');
    await page.screenshot({ path: test.info().outputPath('terminals.png'), fullPage: true });
  });

  test('the 县级平台 page shows the county’s reference data editions, and 立即同步 says what it did', async ({
    page,
    app,
  }) => {
    await app.openAs(centre.url, ADMIN);
    await app.shell.goTo('县级平台');
    const editions = page.getByRole('table', { name: '参考数据版本' });
    await expect(editions.getByRole('row', { name: /组织机构/ })).toContainText('第 1 版');
    await expect(editions.getByRole('row', { name: /组织机构/ })).toContainText(
      /\d{4}-\d{2}-\d{2}/,
    );
    await expect(editions.getByRole('row', { name: /事项目录/ })).toContainText('未取得');
    // 立即同步 runs the whole cycle, and says so where it is: not reference data only.
    const syncNow = page.getByRole('button', { name: '立即同步' });
    await syncNow.hover();
    await expect(page.getByRole('tooltip')).toHaveText(
      '上传本机修改，再取回县级平台的参考数据、本单位账号和业务记录。平时每分钟自动同步，县级中心刚发布新数据或想马上上传时使用。',
    );
    await syncNow.click();
    await expect(
      page.getByText('同步完成：本机修改已上传，已取回县级平台的最新数据', { exact: true }),
    ).toBeVisible();
    await expect(page.getByText(/参考数据上次同步：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)).toBeVisible();
    await page.screenshot({
      path: test.info().outputPath('reference-editions.png'),
      fullPage: true,
    });
  });

  test('a township’s terminal revoked by the county is told so, and goes on working offline', async ({
    page,
    appUrl,
    app,
  }) => {
    const countyAdmin = await apiSignIn(centre.url, ADMIN);
    const units = await apiCall(centre.url, 'orgUnits.list', {}, countyAdmin);
    const yantou = units.find((unit) => unit.code === YANTOU.code)!;
    const issued = await apiCall(
      centre.url,
      'hub.issueCode',
      { orgUnitId: yantou.id },
      countyAdmin,
    );
    await apiCall(appUrl, 'hub.join', { hubUrl: hub.url, code: issued.code });
    await apiCall(appUrl, 'hub.completeSetup', {
      terminalName: '一号窗口',
      admin: {
        username: TOWNSHIP_ADMIN.username,
        displayName: TOWNSHIP_ADMIN.displayName,
        password: TOWNSHIP_ADMIN.password,
      },
    });

    await app.openAs(appUrl, TOWNSHIP_ADMIN);
    const { shell } = app;
    // Only the county centre manages terminals.
    await expect(shell.nav.getByRole('link', { name: '终端管理' })).toHaveCount(0);
    await shell.goTo('县级平台');
    await expect(page.getByRole('table', { name: '县级平台连接' })).toContainText('已加入');

    const terminals = await apiCall(centre.url, 'hub.listTerminals', {}, countyAdmin);
    const township = terminals.find((t) => t.orgUnit.code === YANTOU.code)!;
    await apiCall(
      centre.url,
      'hub.revokeTerminal',
      { terminalId: township.terminalId },
      countyAdmin,
    );

    await page.getByRole('button', { name: '检查连接' }).click();
    await expect(page.getByRole('alert')).toContainText(
      '终端已被县级平台停用。本机数据仍可离线使用；如需恢复连接，请向县级中心管理员索取新的加入码后重新连接',
    );
    await expect(page.getByRole('table', { name: '县级平台连接' })).toContainText('已被停用');
    await expect(shell.statusBar).toContainText('已被县级平台停用');
    await page.screenshot({ path: test.info().outputPath('revoked.png') });
    await shell.goTo('用户管理');
    await expect(
      page.getByRole('cell', { name: TOWNSHIP_ADMIN.username, exact: true }),
    ).toBeVisible();
  });
});
