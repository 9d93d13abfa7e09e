import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { orgUnitIdFromDivisionCode } from '../../shared/sync/natural-ids';
import { DONGCHENG } from '../../shared/testing/org-units';
import { giveIdsOfBefore } from '../../electron/backend/testing/ids-of-before';
import { ADMIN, apiCall, apiSignIn, expect, test } from '../fixtures';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';
import { startServer, type RunningServer } from '../fixtures/server';

// A township set up standalone before the hub (its units under ids of its own) joins its county
// from the 县级平台 page, and is told that its data was matched to the county's ids, and where the
// backup taken first is.
test.describe.serial('a terminal set up before the county hub', () => {
  let folder: string;
  let hub: CountyHub;
  let centre: RunningServer;
  let township: RunningServer | undefined;
  let code: string;

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 120_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-rematch-e2e-'));
    hub = await startCountyHub(join(folder, 'hub'));
    centre = await startServer(join(folder, 'centre'));
    await apiCall(centre.url, 'hub.join', { hubUrl: hub.url, code: hub.firstCode });
    await apiCall(centre.url, 'hub.completeSetup', {
      terminalName: '县中心一号机',
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });
    const countyAdmin = await apiSignIn(centre.url, ADMIN);
    code = (
      await apiCall(
        centre.url,
        'hub.issueCode',
        { orgUnitId: orgUnitIdFromDivisionCode(DONGCHENG.divisionCode) },
        countyAdmin,
      )
    ).code;

    const data = join(folder, 'township');
    const before = await startServer(data);
    await apiCall(before.url, 'setup.initialize', {
      level: 'township',
      divisionCode: DONGCHENG.divisionCode,
      orgName: DONGCHENG.centre,
      terminalName: '一号窗口',
      terminalNumber: '01',
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
      loadDemoOrgTree: true,
    });
    await before.stop();
    const sqlite = new BetterSqlite3(join(data, 'desk.sqlite'));
    try {
      giveIdsOfBefore(sqlite, randomUUID);
    } finally {
      sqlite.close();
    }
    township = await startServer(data);
  });

  test.afterAll(async () => {
    await township?.stop();
    await centre?.stop();
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('joins from the 县级平台 page and is told its data was matched, with the backup’s name', async ({
    page,
    app,
  }) => {
    await page.goto(township!.url);
    await app.signIn.signIn(ADMIN);
    await app.shell.goTo('县级平台');
    await page.getByRole('button', { name: '连接县级平台' }).click();
    const dialog = page.getByRole('dialog', { name: '连接县级平台' });
    await dialog.getByRole('textbox', { name: '县级平台地址' }).fill(hub.url);
    await dialog.getByRole('textbox', { name: '加入码' }).fill(code);
    await dialog.getByRole('button', { name: '连接' }).click();

    const told = page.getByRole('alert').filter({ hasText: '本机数据已按全县统一编码整理' });
    await expect(told).toContainText(/已按县级平台统一编码整理本机数据：单位 \d+ 个、事项 \d+ 项/);
    await expect(told).toContainText(/整理前已备份到 desk-\d{8}T\d{9}Z-pre-rematch\.sqlite\.gz/);
    await expect(page.getByRole('table', { name: '县级平台连接' })).toContainText('已加入');
    await page.screenshot({ path: test.info().outputPath('rematched.png') });

    // The backup is listed where the administrator restores backups, named for what it was for.
    await app.shell.goTo('备份与恢复');
    await expect(page.getByRole('row', { name: /统一编码前自动/ })).toBeVisible();
  });
});
