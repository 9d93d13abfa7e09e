import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgUnitIdFromDivisionCode } from '../../shared/sync/natural-ids';
import { startFaultProxy, type FaultProxy } from '../../electron/backend/testing/fault-proxy';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';
import { ADMIN, TOWNSHIP_ADMIN, apiCall, apiSignIn, expect, test } from '../fixtures';
import { residentIdNumber } from '../fixtures/case-seed';
import { startServer, type RunningServer } from '../fixtures/server';

const YANTOU = '330324108';
const YANTOU_ID = orgUnitIdFromDivisionCode(YANTOU);
const VILLAGE_ID = orgUnitIdFromDivisionCode(`${YANTOU}201`);
/** Window 2's administrator, named apart from window 1's so the screen can tell them apart. */
const WINDOW2_ADMIN = { username: 'yantou_admin2', displayName: '周晓梅' };

/**
 * Two windows of 岩头镇 joined to the real county hub, window 2 through a proxy that can cut it off.
 * The conflict is made as it happens: both windows change a resident's address from the same
 * version, window 2 while it is offline, and both sync.
 */
test.describe.serial('同步冲突: a supervisor of the owning unit chooses between two values', () => {
  let folder: string;
  let hub: CountyHub;
  let proxy: FaultProxy;
  let centre: RunningServer;
  let window1: RunningServer;
  let window2: RunningServer;
  let residentId: string;

  const PASS = () => ({ kind: 'pass' }) as const;
  const CUT = () => ({ kind: 'cutBefore' }) as const;

  async function joinTownship(
    server: RunningServer,
    hubUrl: string,
    code: string,
    terminalName: string,
    admin: { username: string; displayName: string },
  ) {
    await apiCall(server.url, 'hub.join', { hubUrl, code });
    await apiCall(server.url, 'hub.completeSetup', {
      terminalName,
      admin: { ...admin, password: TOWNSHIP_ADMIN.password },
    });
  }

  /** 立即同步 at a window, as its administrator. */
  async function syncNow(server: RunningServer) {
    const admin = server === window2 ? WINDOW2_ADMIN : TOWNSHIP_ADMIN;
    const token = await apiSignIn(server.url, { ...TOWNSHIP_ADMIN, username: admin.username });
    return apiCall(server.url, 'hub.syncNow', {}, token);
  }

  async function addressAt(server: RunningServer, admin: { username: string }) {
    const token = await apiSignIn(server.url, { ...TOWNSHIP_ADMIN, username: admin.username });
    return (await apiCall(server.url, 'residents.get', { residentId }, token)).address;
  }

  async function changeAddress(server: RunningServer, admin: { username: string }, to: string) {
    const token = await apiSignIn(server.url, { ...TOWNSHIP_ADMIN, username: admin.username });
    await apiCall(
      server.url,
      'residents.update',
      { residentId, name: '张三丰', address: to, villageOrgId: VILLAGE_ID },
      token,
    );
  }

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 180_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-conflicts-e2e-'));
    hub = await startCountyHub(join(folder, 'hub'));
    proxy = await startFaultProxy(hub.url, PASS);
    centre = await startServer(join(folder, 'centre'));
    window1 = await startServer(join(folder, 'window1'));
    window2 = await startServer(join(folder, 'window2'));
    await apiCall(centre.url, 'hub.join', { hubUrl: hub.url, code: hub.firstCode });
    await apiCall(centre.url, 'hub.completeSetup', {
      terminalName: '县中心一号机',
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });
    const countyAdmin = await apiSignIn(centre.url, ADMIN);
    const issue = async () =>
      (await apiCall(centre.url, 'hub.issueCode', { orgUnitId: YANTOU_ID }, countyAdmin)).code;
    await joinTownship(window1, hub.url, await issue(), '一号窗口', TOWNSHIP_ADMIN);
    await joinTownship(window2, proxy.url, await issue(), '二号窗口', WINDOW2_ADMIN);

    const admin = await apiSignIn(window1.url, TOWNSHIP_ADMIN);
    residentId = (
      await apiCall(
        window1.url,
        'residents.create',
        {
          docType: 'resident_id',
          docNumber: residentIdNumber('1990-01-01', 123),
          name: '张三丰',
          phone: '13800138000',
          address: '岩头村丽水街 8 号',
          villageOrgId: VILLAGE_ID,
        },
        admin,
      )
    ).id;
    await syncNow(window1);
    await syncNow(window2);
    expect(await addressAt(window2, WINDOW2_ADMIN)).toBe('岩头村丽水街 8 号');

    // Window 2 is cut off and changes the address; window 1 changes it too and syncs; then window 2
    // is back and syncs: both changes start from the same version.
    proxy.setPlan(CUT);
    await changeAddress(window2, WINDOW2_ADMIN, '岩头村丽水街 18 号（新房）');
    await changeAddress(window1, TOWNSHIP_ADMIN, '岩头村丽水街 8 号之一');
    await syncNow(window1);
    proxy.setPlan(PASS);
    await syncNow(window2);
    // Window 1 takes the record as the hub now has it, with both values.
    await syncNow(window1);
  });

  test.afterAll(async () => {
    await Promise.all([centre?.stop(), window1?.stop(), window2?.stop()]);
    await proxy?.close();
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('both values side by side with who, when and where; the choice reaches both windows', async ({
    page,
    app,
  }) => {
    // Window 2 sees the same conflict, its own value as 本机's.
    await app.openAs(window2.url, { ...TOWNSHIP_ADMIN, ...WINDOW2_ADMIN }, '同步冲突');
    const own = page
      .getByRole('article', { name: '群众档案 张三丰' })
      .getByRole('region', { name: '本机改成的值' });
    await expect(own).toContainText('岩头村丽水街 18 号（新房）');
    await expect(own).toContainText('终端：本机');

    await app.openAs(window1.url, TOWNSHIP_ADMIN, '同步冲突');
    const card = page.getByRole('article', { name: '群众档案 张三丰' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('住址');
    const kept = card.getByRole('region', { name: '县级平台现有的值' });
    const other = card.getByRole('region', { name: '另一终端改成的值' });
    await expect(kept).toContainText('岩头村丽水街 8 号之一');
    await expect(kept).toContainText(`修改人：${TOWNSHIP_ADMIN.displayName}`);
    await expect(kept).toContainText('终端：本机');
    await expect(other).toContainText('岩头村丽水街 18 号（新房）');
    await expect(other).toContainText(`修改人：${WINDOW2_ADMIN.displayName}`);
    await expect(other).toContainText('终端：02 号终端');
    await expect(other).toContainText(/修改时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: test.info().outputPath('conflict.png'), fullPage: true });

    await other.getByRole('button', { name: '采用另一值' }).click();
    const confirm = page.getByRole('dialog', { name: '采用另一值' });
    await expect(confirm).toContainText('岩头村丽水街 18 号（新房）');
    await confirm.getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('已处理：“住址”定为“岩头村丽水街 18 号（新房）”')).toBeVisible();
    await expect(page.getByText('没有待处理的同步冲突')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('resolved.png'), fullPage: true });

    // The choice travels with the next sync; window 2 pulls it; no conflict opens again.
    await syncNow(window1);
    await syncNow(window2);
    expect(await addressAt(window1, TOWNSHIP_ADMIN)).toBe('岩头村丽水街 18 号（新房）');
    expect(await addressAt(window2, WINDOW2_ADMIN)).toBe('岩头村丽水街 18 号（新房）');
    const token = await apiSignIn(window1.url, TOWNSHIP_ADMIN);
    expect((await apiCall(window1.url, 'sync.conflicts', {}, token)).conflicts).toEqual([]);
  });

  test('with the hub unreachable the screen says so instead of an empty list', async ({
    page,
    app,
  }) => {
    await hub.stop();
    await app.openAs(window1.url, TOWNSHIP_ADMIN, '同步冲突');
    await expect(page.getByRole('alert')).toContainText('暂时无法查看同步冲突');
    await expect(page.getByRole('alert')).toContainText('无法连接县级平台');
    await expect(page.getByText('没有待处理的同步冲突')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('offline.png'), fullPage: true });
  });
});
