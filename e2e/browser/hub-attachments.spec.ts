import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN,
  CLERK,
  account,
  apiCall,
  apiSignIn,
  createUser,
  expect,
  takeOver,
  test,
} from '../fixtures';
import { CaseSeeder } from '../fixtures/case-seed';
import { SIMA } from '../fixtures/cases';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';
import { AppShellPage } from '../fixtures/pages/app-shell';
import { CaseListPage } from '../fixtures/pages/cases';
import { SignInPage } from '../fixtures/pages/sign-in';
import { startServer, type RunningServer } from '../fixtures/server';

/** 岩头镇 of the demo county that `npm run hub` serves. */
const YANTOU_CODE = '330324108';
const TOWNSHIP_ADMIN = account('admin', 'yantou_admin', '李卫东', ADMIN.password, ADMIN.password);

/** A 1×1 PNG. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

// The real hub, its county centre (which issues the code) and a township window.
test.describe.serial('attachment files from the county hub', () => {
  let folder: string;
  let hub: CountyHub;
  const servers: RunningServer[] = [];
  let window1: RunningServer;

  async function setUp(server: RunningServer, code: string, admin: typeof ADMIN) {
    await apiCall(server.url, 'hub.join', { hubUrl: hub.url, code });
    await apiCall(server.url, 'hub.completeSetup', {
      terminalName: '窗口',
      admin: { username: admin.username, displayName: admin.displayName, password: admin.password },
    });
  }

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 60_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-hub-attachments-'));
    hub = await startCountyHub(join(folder, 'hub'));
    const [centre, first] = await Promise.all(
      ['centre', 'window1'].map((name) => startServer(join(folder, name))),
    );
    servers.push(centre!, first!);
    window1 = first!;
    await setUp(centre!, hub.firstCode, ADMIN);
    const countyAdmin = await apiSignIn(centre!.url, ADMIN);
    const units = await apiCall(centre!.url, 'orgUnits.list', {}, countyAdmin);
    const yantou = units.find((unit) => unit.code === YANTOU_CODE)!;
    const issued = await apiCall(
      centre!.url,
      'hub.issueCode',
      { orgUnitId: yantou.id },
      countyAdmin,
    );
    await setUp(window1, issued.code, TOWNSHIP_ADMIN);
  });

  test.afterAll(async () => {
    for (const server of servers) await server.stop();
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('a scan whose file is not at this window yet, with the hub away, is a notice, not an error', async ({
    page,
  }) => {
    const admin = await apiSignIn(window1.url, TOWNSHIP_ADMIN);
    await createUser(window1.url, admin, CLERK);
    await takeOver(window1.url, CLERK);
    const seed = await CaseSeeder.signIn(window1.url, CLERK);
    const resident = await seed.resident(SIMA.name, SIMA.birth, 11);
    const accepted = await seed.acceptComplete(resident.id, SIMA.item);
    const material = accepted.materials.find((m) => m.name === '高龄津贴申领表')!;
    await apiCall(
      window1.url,
      'attachments.upload',
      {
        caseId: accepted.id,
        caseMaterialId: material.id,
        fileName: '申领表扫描件.png',
        mime: 'image/png',
        base64: TINY_PNG.toString('base64'),
      },
      await apiSignIn(window1.url, CLERK),
    );
    await seed.signOut();
    // As on a window that pulled the case from the hub: the record is here, its file not yet.
    const files = join(folder, 'window1', 'attachments');
    for (const sub of readdirSync(files)) rmSync(join(files, sub), { recursive: true });
    await hub.stop();

    await page.goto(window1.url);
    await new SignInPage(page).signIn(CLERK);
    await new AppShellPage(page).goTo('案件');
    await new CaseListPage(page).open(accepted.caseNo);
    await page.getByRole('button', { name: '图片：申领表扫描件.png' }).click();
    const viewer = page.getByRole('dialog', { name: '申领表扫描件.png' });
    await expect(viewer.getByRole('status')).toHaveText('附件尚未从县级平台取得，联网后可查看');
    await expect(viewer.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText('操作未完成')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('attachment-not-fetched.png') });
  });
});
