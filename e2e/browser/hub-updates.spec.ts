import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, apiCall, expect, test } from '../fixtures';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';

/** A township of the demo county that `npm run hub` serves. */
const YANTOU_CODE = '330324108';
const PROTOCOL = { 'x-township-desk-protocol': '1' };

/** The county administrator's side, through the hub's API as the desktop app or a script calls it. */
async function hubPost(hubUrl: string, path: string, body: object, token?: string) {
  const response = await fetch(`${hubUrl}${path}`, {
    method: 'POST',
    headers: {
      ...PROTOCOL,
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Record<string, string>;
}

/** A release as electron-builder makes one: an installer (here a few bytes) and its latest.yml. */
async function uploadRelease(hubUrl: string, token: string, version: string, oldest?: string) {
  const installer = Buffer.from(`fake installer ${version}`);
  const sha512 = createHash('sha512').update(installer).digest('base64');
  const name = `township-desk-setup-${version}.exe`;
  const yml = `version: ${version}\nfiles:\n  - url: ${name}\n    sha512: ${sha512}\n    size: ${installer.length}\npath: ${name}\nsha512: ${sha512}\nreleaseDate: '2026-12-06T08:00:00.000Z'\n`;
  const response = await fetch(`${hubUrl}/v1/admin/releases/${name}`, {
    method: 'PUT',
    headers: {
      ...PROTOCOL,
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'x-township-desk-release-manifest': Buffer.from(yml).toString('base64'),
      ...(oldest ? { 'x-township-desk-oldest-app-version': oldest } : {}),
    },
    body: installer,
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

test.describe.serial('app updates from the county hub', () => {
  let folder: string;
  let hub: CountyHub;
  let countyToken: string;

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 60_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-updates-e2e-'));
    hub = await startCountyHub(join(folder, 'hub'));
    const centre = await hubPost(hub.url, '/v1/enrol', {
      code: hub.firstCode,
      appVersion: '0.1.0',
    });
    countyToken = centre.token!;
  });

  test.afterAll(async () => {
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('a township terminal shows 有新版本 when the hub has a newer release, and that it is too old to sync once the hub says so', async ({
    page,
    appUrl,
    app,
  }) => {
    await uploadRelease(hub.url, countyToken, '0.2.0');
    const issued = await hubPost(
      hub.url,
      '/v1/admin/enrolment-codes',
      { orgUnitCode: YANTOU_CODE },
      countyToken,
    );
    await apiCall(appUrl, 'hub.join', { hubUrl: hub.url, code: issued.code! });
    await apiCall(appUrl, 'hub.completeSetup', {
      terminalName: '一号窗口',
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });

    await app.openAs(appUrl, ADMIN);
    // Named by its title: 有新版本 x.y.z, or 本机软件版本过旧，有新版本 x.y.z.
    const banner = page.getByRole('region', { name: /有新版本/ });
    await expect(banner).toContainText('有新版本 0.2.0');
    // Browser mode cannot install: the banner says how instead of offering a restart.
    await expect(banner).toContainText('浏览器模式不会自动更新');
    await expect(banner.getByRole('button', { name: '立即重启更新' })).toHaveCount(0);
    const { statusBar } = app.shell;
    await expect(statusBar.getByRole('button', { name: /检查软件更新/ })).toHaveText(
      '有新版本 0.2.0',
    );
    await page.screenshot({ path: test.info().outputPath('update-banner.png') });

    await uploadRelease(hub.url, countyToken, '0.3.0', '0.3.0');
    await statusBar.getByRole('button', { name: /检查软件更新/ }).click();
    await expect(banner).toContainText('本机软件版本过旧，有新版本 0.3.0');
    await expect(banner).toContainText('县级平台只与 0.3.0 及以上版本同步');
    await expect(banner).toContainText('本机数据仍可离线使用');
    await page.screenshot({ path: test.info().outputPath('too-old-banner.png') });

    await banner.getByRole('button', { name: '稍后提醒' }).click();
    await expect(banner).toHaveCount(0);
    await expect(statusBar.getByRole('button', { name: /检查软件更新/ })).toHaveText(
      '有新版本 0.3.0',
    );
  });
});
