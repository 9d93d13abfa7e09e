import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, TOWNSHIP_ADMIN, apiCall, apiSignIn, expect, test } from '../fixtures';
import { account } from '../fixtures/accounts';
import { createUser, takeOver } from '../fixtures/api';
import { CaseSeeder } from '../fixtures/case-seed';
import { SIMA } from '../fixtures/cases';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';
import { startServer, type RunningServer } from '../fixtures/server';

const YANTOU = '330324108';
/** 受理 is the counter's or its supervisor's, not the administrator's. */
const LEAD = account('supervisor', 'yantou_lead', '王海燕', 'Lead#Init2026', 'Lead#Wang2026');

// The real hub, its county centre and 岩头镇's terminal, both joined through the API as the wizard does.
test.describe.serial('a township’s work goes up to the county hub by itself', () => {
  let folder: string;
  let hub: CountyHub;
  let centre: RunningServer;
  let township: RunningServer;

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 120_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-push-e2e-'));
    hub = await startCountyHub(join(folder, 'hub'));
    centre = await startServer(join(folder, 'centre'));
    township = await startServer(join(folder, 'township'));
    await apiCall(centre.url, 'hub.join', { hubUrl: hub.url, code: hub.firstCode });
    await apiCall(centre.url, 'hub.completeSetup', {
      terminalName: '县中心一号机',
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });
    const countyAdmin = await apiSignIn(centre.url, ADMIN);
    const units = await apiCall(centre.url, 'orgUnits.list', {}, countyAdmin);
    const yantou = units.find((unit) => unit.code === YANTOU)!;
    const issued = await apiCall(
      centre.url,
      'hub.issueCode',
      { orgUnitId: yantou.id },
      countyAdmin,
    );
    await apiCall(township.url, 'hub.join', { hubUrl: hub.url, code: issued.code });
    await apiCall(township.url, 'hub.completeSetup', {
      terminalName: '一号窗口',
      admin: {
        username: TOWNSHIP_ADMIN.username,
        displayName: TOWNSHIP_ADMIN.displayName,
        password: TOWNSHIP_ADMIN.password,
      },
    });
    await createUser(township.url, await apiSignIn(township.url, TOWNSHIP_ADMIN), LEAD);
    await takeOver(township.url, LEAD);
  });

  test.afterAll(async () => {
    await township?.stop();
    await centre?.stop();
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('a case taken in at the counter: the status bar’s 待上传 falls to 0 and the case says 已同步', async ({
    page,
    app,
  }) => {
    await app.openAs(township.url, LEAD);
    const bar = app.shell.statusBar;
    await expect(bar.getByText('在线', { exact: true })).toBeVisible();

    const seed = await CaseSeeder.signIn(township.url, LEAD);
    const sima = await seed.resident(SIMA.name, SIMA.birth, 11);
    const accepted = await seed.acceptComplete(sima.id, SIMA.item);

    // Nobody presses 立即同步: the push follows the write within seconds.
    await expect(bar.getByLabel('待上传')).toHaveText('待上传 0 条', { timeout: 20_000 });
    await expect(bar).toContainText(/最近同步：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(bar).not.toContainText('同步问题');

    await page.evaluate(`location.hash = "#/cases/${accepted.id}"`);
    await expect(page.getByRole('heading', { name: `案件 ${accepted.caseNo}` })).toBeVisible();
    await expect(page.getByText('已同步', { exact: true })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('case-synced.png') });
  });
});
