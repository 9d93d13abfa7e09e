import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN,
  TOWNSHIP_ADMIN,
  apiCall,
  apiSignIn,
  CataloguePage,
  expect,
  test,
} from '../fixtures';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';
import { startServer, type RunningServer } from '../fixtures/server';

/** A township of the demo county that `npm run hub` serves. */
const YANTOU = '330324108';
const PENSION = '城乡居民养老保险待遇领取';
const SETUP = {
  terminalName: '一号窗口',
  admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
};

// The real hub and the county centre's terminal, joined through the API; each test's own terminal
// (appUrl) is the township.
test.describe.serial('the county catalogue at its terminals', () => {
  let folder: string;
  let hub: CountyHub;
  let centre: RunningServer;

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 60_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-catalogue-e2e-'));
    hub = await startCountyHub(join(folder, 'hub'));
    centre = await startServer(join(folder, 'centre'));
    await apiCall(centre.url, 'hub.join', { hubUrl: hub.url, code: hub.firstCode });
    await apiCall(centre.url, 'hub.completeSetup', SETUP);
  });

  test.afterAll(async () => {
    await centre?.stop();
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('the county centre publishes its catalogue to the hub', async ({ page, app }) => {
    await app.openAs(centre.url, ADMIN);
    await app.shell.goTo('事项目录');
    const catalogue = new CataloguePage(page);
    await catalogue.search(PENSION);
    await expect(catalogue.row(PENSION)).toContainText('县级发布');
    await page.getByRole('button', { name: '发布到县级平台' }).click();
    await page
      .getByRole('dialog', { name: '发布到县级平台' })
      .getByRole('button', { name: '发布' })
      .click();
    await expect(page.getByText('已发布事项目录第 1 版')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('published.png') });
  });

  test('a township shows county items as 县级发布 and read-only', async ({ page, appUrl, app }) => {
    const countyAdmin = await apiSignIn(centre.url, ADMIN);
    const units = await apiCall(centre.url, 'orgUnits.list', {}, countyAdmin);
    const yantou = units.find((unit) => unit.code === YANTOU)!;
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
    await app.shell.goTo('事项目录');
    await expect(page.getByText('县级发布的事项由县级中心统一维护')).toBeVisible();
    await expect(page.getByRole('button', { name: '发布到县级平台' })).toHaveCount(0);
    const catalogue = new CataloguePage(page);
    await catalogue.search(PENSION);
    await expect(catalogue.row(PENSION)).toContainText('县级发布');
    await catalogue.row(PENSION).getByRole('link', { name: PENSION, exact: true }).click();
    await expect(page.getByRole('heading', { name: PENSION, level: 2 })).toBeVisible();
    await expect(page.getByText('该事项由县级中心统一维护')).toBeVisible();
    await expect(page.getByRole('button', { name: '停用' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '保存为新版本' })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('county-item.png'), fullPage: true });
  });

  test('a change the county publishes reaches a township and its village alike, under the same ids', async ({
    page,
    app,
  }) => {
    const countyAdmin = await apiSignIn(centre.url, ADMIN);
    const units = await apiCall(centre.url, 'orgUnits.list', {}, countyAdmin);
    const yantou = units.find((unit) => unit.code === YANTOU)!;
    const village = units.find((unit) => unit.parentId === yantou.id)!;
    const villageAdmin = { ...TOWNSHIP_ADMIN, username: 'cunwei_admin', displayName: '周立群' };
    const terminals: { server: RunningServer; token: string }[] = [];
    for (const [unit, admin] of [
      [yantou, TOWNSHIP_ADMIN],
      [village, villageAdmin],
    ] as const) {
      const server = await startServer(join(folder, unit.code));
      const issued = await apiCall(
        centre.url,
        'hub.issueCode',
        { orgUnitId: unit.id },
        countyAdmin,
      );
      await apiCall(server.url, 'hub.join', { hubUrl: hub.url, code: issued.code });
      await apiCall(server.url, 'hub.completeSetup', {
        terminalName: '一号窗口',
        admin: {
          username: admin.username,
          displayName: admin.displayName,
          password: admin.password,
        },
      });
      terminals.push({ server, token: await apiSignIn(server.url, admin) });
    }
    const [township, villageTerminal] = terminals as [
      (typeof terminals)[number],
      (typeof terminals)[number],
    ];
    try {
      // The same county items and units, by id, at both.
      const idsOf = async (t: (typeof terminals)[number]) => ({
        units: (await apiCall(t.server.url, 'orgUnits.list', {}, t.token))
          .map((unit) => `${unit.code} ${unit.id}`)
          .sort(),
        items: (await apiCall(t.server.url, 'catalogue.list', {}, t.token))
          .filter((item) => item.countyIssued)
          .map((item) => `${item.code} ${item.id} ${item.versionId}`)
          .sort(),
      });
      const before = await idsOf(township);
      expect(before.items.length).toBeGreaterThan(0);
      // A village sees its own unit only; under the id the township knows it by.
      const atVillage = await idsOf(villageTerminal);
      expect(atVillage.items).toEqual(before.items);
      expect(atVillage.units).toEqual([`${village.code} ${village.id}`]);
      expect(before.units).toContain(atVillage.units[0]);

      // The county shortens a promise and publishes edition 2.
      const [pension] = await apiCall(
        centre.url,
        'catalogue.list',
        { query: PENSION },
        countyAdmin,
      );
      const detail = await apiCall(
        centre.url,
        'catalogue.get',
        { itemId: pension!.id },
        countyAdmin,
      );
      await apiCall(
        centre.url,
        'catalogue.save',
        { itemId: pension!.id, fields: { ...detail, promisedDays: detail.promisedDays - 1 } },
        countyAdmin,
      );
      expect(await apiCall(centre.url, 'catalogue.publishToHub', {}, countyAdmin)).toMatchObject({
        edition: 2,
      });

      // The township's clerk does not wait for the minute: 立即同步 on the 县级平台 page.
      await app.openAs(township.server.url, TOWNSHIP_ADMIN);
      await app.shell.goTo('县级平台');
      await page.getByRole('button', { name: '立即同步' }).click();
      await expect(page.getByText(/已更新事项目录第 2 版/)).toBeVisible();
      await apiCall(villageTerminal.server.url, 'hub.syncNow', {}, villageTerminal.token);

      for (const t of terminals) {
        const item = await apiCall(t.server.url, 'catalogue.get', { itemId: pension!.id }, t.token);
        expect(item.promisedDays).toBe(detail.promisedDays - 1);
      }
      const after = await idsOf(township);
      expect(after).not.toEqual(before);
      expect((await idsOf(villageTerminal)).items).toEqual(after.items);
      await page.screenshot({ path: test.info().outputPath('synced.png'), fullPage: true });
    } finally {
      for (const t of terminals) await t.server.stop();
    }
  });
});
