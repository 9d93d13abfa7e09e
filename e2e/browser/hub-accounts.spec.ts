import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, CLERK, account, apiCall, apiSignIn, createUser, expect, test } from '../fixtures';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';
import { startServer, type RunningServer } from '../fixtures/server';

/** 岩头镇 of the demo county that `npm run hub` serves. */
const YANTOU_CODE = '330324108';
/** Usernames are unique in the county: the township's administrator has one of his own. */
const TOWNSHIP_ADMIN = account('admin', 'yantou_admin', '李卫东', ADMIN.password, ADMIN.password);

// The real hub, its county centre (which issues the codes) and two windows of one township.
test.describe.serial('staff accounts that follow the person', () => {
  let folder: string;
  let hub: CountyHub;
  const servers: RunningServer[] = [];
  let window1: RunningServer;
  let window2: RunningServer;

  async function setUp(server: RunningServer, code: string, admin: typeof ADMIN) {
    await apiCall(server.url, 'hub.join', { hubUrl: hub.url, code });
    await apiCall(server.url, 'hub.completeSetup', {
      terminalName: '窗口',
      admin: { username: admin.username, displayName: admin.displayName, password: admin.password },
    });
  }

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 60_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-hub-accounts-'));
    hub = await startCountyHub(join(folder, 'hub'));
    const [centre, first, second] = await Promise.all(
      ['centre', 'window1', 'window2'].map((name) => startServer(join(folder, name))),
    );
    servers.push(centre!, first!, second!);
    [window1, window2] = [first!, second!];
    await setUp(centre!, hub.firstCode, ADMIN);
    const countyAdmin = await apiSignIn(centre!.url, ADMIN);
    const units = await apiCall(centre!.url, 'orgUnits.list', {}, countyAdmin);
    const yantou = units.find((unit) => unit.code === YANTOU_CODE)!;
    for (const server of [window1, window2]) {
      const issued = await apiCall(
        centre!.url,
        'hub.issueCode',
        { orgUnitId: yantou.id },
        countyAdmin,
      );
      await setUp(server, issued.code, TOWNSHIP_ADMIN);
    }
  });

  test.afterAll(async () => {
    for (const server of servers) await server.stop();
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('a clerk created at window 1 signs in at window 2, and his new password works at window 1', async ({
    page,
    app,
  }) => {
    const admin1 = await apiSignIn(window1.url, TOWNSHIP_ADMIN);
    await createUser(window1.url, admin1, CLERK);

    // 县级平台 checks the connection, which brings the unit's accounts.
    await app.openAs(window2.url, TOWNSHIP_ADMIN, '县级平台');
    await expect(page.getByRole('table', { name: '县级平台连接' })).toContainText('已加入');
    await app.shell.switchUser();
    await app.signIn.signInFirstTime(CLERK);
    await page.screenshot({ path: test.info().outputPath('clerk-at-window-2.png') });

    await app.openAs(window1.url, TOWNSHIP_ADMIN, '县级平台');
    await expect(page.getByRole('table', { name: '县级平台连接' })).toContainText('已加入');
    await app.shell.switchUser();
    await app.signIn.signIn(CLERK);
  });
});
