import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, apiCall, apiSignIn, CataloguePage, expect, test } from '../fixtures';
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
    await apiCall(appUrl, 'hub.completeSetup', SETUP);

    await app.openAs(appUrl, ADMIN);
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
});
