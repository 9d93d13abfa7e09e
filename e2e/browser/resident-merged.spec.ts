import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgUnitIdFromDivisionCode } from '../../shared/sync/natural-ids';
import { startFaultProxy, type FaultProxy } from '../../electron/backend/testing/fault-proxy';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';
import { account, type Account } from '../fixtures/accounts';
import { ADMIN, TOWNSHIP_ADMIN, apiCall, apiSignIn, expect, test } from '../fixtures';
import { residentIdNumber } from '../fixtures/case-seed';
import { startServer, type RunningServer } from '../fixtures/server';

const YANTOU_ID = orgUnitIdFromDivisionCode('330324108');
const VILLAGE_ID = orgUnitIdFromDivisionCode('330324108201');
const VILLAGE_ADMIN = account(
  'admin',
  'yantoucun_admin',
  '周建华',
  TOWNSHIP_ADMIN.password,
  TOWNSHIP_ADMIN.password,
);
const DOC = residentIdNumber('1950-06-09', 372);

/**
 * 吴阿婆 is registered at 岩头镇's window first, while it is cut off from the county hub, and again
 * at the agency point of 岩头村, which syncs first: the hub holds the village's newer record before
 * the township's older one arrives. The hub merges them; at the village the person's page is the
 * township's record, and it says a record of the village was merged into it, without its number.
 */
test.describe.serial('已合并: the page of a person whose two records were merged', () => {
  let folder: string;
  let hub: CountyHub;
  let proxy: FaultProxy;
  let centre: RunningServer;
  let window1: RunningServer;
  let village: RunningServer;
  let older: string;
  let newer: string;

  async function joinAs(
    server: RunningServer,
    hubUrl: string,
    code: string,
    terminalName: string,
    admin: Account,
  ) {
    await apiCall(server.url, 'hub.join', { hubUrl, code });
    await apiCall(server.url, 'hub.completeSetup', {
      terminalName,
      admin: { username: admin.username, displayName: admin.displayName, password: admin.password },
    });
    return apiSignIn(server.url, admin);
  }

  async function syncNow(server: RunningServer, token: string) {
    const result = await apiCall(server.url, 'hub.syncNow', {}, token);
    expect(result.problem).toBeNull();
  }

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 180_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-merged-e2e-'));
    hub = await startCountyHub(join(folder, 'hub'));
    proxy = await startFaultProxy(hub.url, () => ({ kind: 'pass' }));
    centre = await startServer(join(folder, 'centre'));
    window1 = await startServer(join(folder, 'window1'));
    village = await startServer(join(folder, 'village'));
    const countyAdmin = await joinAs(centre, hub.url, hub.firstCode, '县中心一号机', ADMIN);
    const issue = async (orgUnitId: string) =>
      (await apiCall(centre.url, 'hub.issueCode', { orgUnitId }, countyAdmin)).code;
    const townshipAdmin = await joinAs(
      window1,
      proxy.url,
      await issue(YANTOU_ID),
      '一号窗口',
      TOWNSHIP_ADMIN,
    );
    const villageAdmin = await joinAs(
      village,
      hub.url,
      await issue(VILLAGE_ID),
      '代办点',
      VILLAGE_ADMIN,
    );

    proxy.setPlan(() => ({ kind: 'cutBefore' }));
    const person = { docType: 'resident_id', docNumber: DOC, name: '吴阿婆' } as const;
    older = (
      await apiCall(
        window1.url,
        'residents.create',
        { ...person, phone: '13900001111' },
        townshipAdmin,
      )
    ).id;
    newer = (
      await apiCall(
        village.url,
        'residents.create',
        { ...person, phone: '13800002222', address: '岩头村 12 号', villageOrgId: VILLAGE_ID },
        villageAdmin,
      )
    ).id;
    expect(older < newer).toBe(true);
    await syncNow(village, villageAdmin);
    proxy.setPlan(() => ({ kind: 'pass' }));
    await syncNow(window1, townshipAdmin);
    await syncNow(village, villageAdmin);
  });

  test.afterAll(async () => {
    await Promise.all([centre?.stop(), window1?.stop(), village?.stop()]);
    await proxy?.close();
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('the village opens its old record as the township’s and reads where the merged one came from', async ({
    page,
    app,
  }) => {
    await app.openAs(village.url, VILLAGE_ADMIN);
    // The old id, as a link saved before the merge would open it.
    await page.evaluate(`location.hash = "#/residents/${newer}"`);
    await expect(page.getByRole('heading', { name: '吴阿婆' })).toBeVisible();
    const particulars = page.getByRole('region', { name: '档案信息' });
    await expect(particulars).toContainText('已合并');
    await expect(particulars).toContainText(
      /此人另有一条记录（登记于 岩头村、\d{4}-\d{2}-\d{2}）已并入本记录/,
    );
    // The surviving record is the township's: its phone stays, and the address it left empty is
    // the one the village typed (the merge fills empty fields, never a set one).
    await expect(particulars).toContainText('139****1111');
    await expect(particulars).not.toContainText('138****2222');
    await expect(particulars).toContainText('岩头村 12 号');
    await expect(page.locator('body')).not.toContainText(DOC);
    await expect(page.locator('body')).not.toContainText(DOC.slice(6, 14));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: test.info().outputPath('merged.png'), fullPage: true });
  });
});
