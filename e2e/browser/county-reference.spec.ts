import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, apiCall, expect, test } from '../fixtures';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';

// A real hub (npm run hub's code on PGlite in a temp folder) and the county centre's terminal.
test.describe('the county centre publishes reference data', () => {
  let folder: string;
  let hub: CountyHub;

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 60_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-reference-e2e-'));
    hub = await startCountyHub(join(folder, 'hub'));
  });

  test.afterAll(async () => {
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('publishes the holiday calendar from the 县级平台 page', async ({ page, appUrl, app }) => {
    await apiCall(appUrl, 'hub.join', { hubUrl: hub.url, code: hub.firstCode });
    await apiCall(appUrl, 'hub.completeSetup', {
      terminalName: '县中心一号机',
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });
    await app.openAs(appUrl, ADMIN);
    await app.shell.goTo('县级平台');

    const section = page.getByRole('table', { name: '发布参考数据' });
    await expect(section.getByRole('row', { name: /节假日安排/ })).toContainText('随软件提供');
    // The State Council's schedule for a new year arrives as a file, before any app update ships it.
    const chooser = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: '载入节假日文件' }).click();
    await (
      await chooser
    ).setFiles({
      name: '2099年节假日安排.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ years: { '2099': { holidays: ['2099-01-01'], workdays: [] } } }),
      ),
    });
    await expect(page.getByText('已载入 2099 年节假日安排（新增 1 年、更新 0 年）')).toBeVisible();
    await section.getByRole('button', { name: '发布节假日安排到县级平台' }).click();
    const dialog = page.getByRole('dialog', { name: '发布节假日安排到县级平台' });
    await expect(dialog).toContainText('本终端已载入的各年度节假日和调休安排');
    await dialog.getByRole('button', { name: '发布' }).click();
    await expect(page.getByText(/已发布节假日安排第 1 版：节假日安排 \d+ 年/)).toBeVisible();
    await expect(section.getByRole('row', { name: /节假日安排/ })).toContainText('第 1 版');
    // The 参考数据 list above shows the edition as held here too, with its dates.
    await expect(
      page.getByRole('row', { name: /^节假日安排 第 1 版 \d{4}-\d{2}-\d{2}/ }),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('published.png'), fullPage: true });
  });
});
