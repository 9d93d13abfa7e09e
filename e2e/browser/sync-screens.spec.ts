import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { formatHlc, parseHlc } from '../../shared/sync/hlc';
import { ADMIN, TOWNSHIP_ADMIN, apiCall, apiSignIn, expect, test } from '../fixtures';
import { account } from '../fixtures/accounts';
import { createUser, takeOver } from '../fixtures/api';
import { CaseSeeder } from '../fixtures/case-seed';
import { SIMA } from '../fixtures/cases';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';
import { startServer, type RunningServer } from '../fixtures/server';

const YANTOU = '330324108';
/** A village of 岩头镇: not the township's parent, so the hub refuses a resident moved to it. */
const YANTOU_VILLAGE = '330324108201';
const LEAD = account('supervisor', 'yantou_lead', '王海燕', 'Lead#Init2026', 'Lead#Wang2026');
const VILLAGE_ADMIN = account(
  'admin',
  'yantou_village_admin',
  '周丽华',
  ADMIN.password,
  ADMIN.password,
);
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
] as const;
const TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

/** Nothing inside is wider than the box: no text cut off or pushed out of the window. */
async function expectFits(box: Locator) {
  const overflow = await box.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Tabs from where the focus is until `target` has it: the action is reachable by keyboard. */
async function tabTo(page: Page, target: Locator) {
  for (let step = 0; step < 60; step += 1) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('not reachable by Tab');
}

/** A record's page, once the signed-in shell stands (a hash set earlier is lost to its first route). */
async function openRecord(page: Page, statusBar: Locator, path: string) {
  await expect(statusBar.getByText('在线', { exact: true })).toBeVisible();
  await page.evaluate(`location.hash = "#${path}"`);
}

async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: test.info().outputPath(`${name}-${size.width}.png`) });
  }
  await page.setViewportSize(SIZES[0]);
}

/**
 * A change the hub will refuse, written into the township's change log while it is stopped: the
 * resident handed to a village, which no terminal of the township may do. The row itself stays.
 */
function logRefusedChange(file: string, residentId: string, villageId: string) {
  const db = new Database(file);
  try {
    const row = db.prepare('SELECT * FROM residents WHERE id = ?').get(residentId) as Record<
      string,
      unknown
    >;
    const last = db
      .prepare('SELECT epoch, schema_version FROM outbox ORDER BY seq DESC LIMIT 1')
      .get() as { epoch: string; schema_version: number };
    const hlc = parseHlc(String(row.version));
    const version = formatHlc({ ...hlc, wall: hlc.wall + 1_000, counter: 0 });
    db.prepare(
      `INSERT INTO outbox (table_name, record_id, op, payload, base_version, version, org_unit_id,
         created_at, pushed_at, tx_id, changed_columns, schema_version, epoch)
       VALUES ('residents', ?, 'update', ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
    ).run(
      residentId,
      JSON.stringify({ ...row, org_unit_id: villageId, version }),
      row.version,
      version,
      row.org_unit_id,
      new Date().toISOString(),
      randomUUID(),
      JSON.stringify(['org_unit_id']),
      last.schema_version,
      last.epoch,
    );
  } finally {
    db.close();
  }
}

// The real hub, its county centre, 岩头镇's terminal and one of its villages whose PC clock runs
// 400 days ahead; the states on screen are what these terminals and the hub made of it.
test.describe.serial('what a person sees of sync', () => {
  let folder: string;
  let hub: CountyHub;
  let centre: RunningServer;
  let township: RunningServer;
  let village: RunningServer;
  let residentId: string;
  let caseId: string;
  let caseNo: string;

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 240_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-sync-screens-'));
    hub = await startCountyHub(join(folder, 'hub'));
    centre = await startServer(join(folder, 'centre'));
    township = await startServer(join(folder, 'township'));
    village = await startServer(join(folder, 'village'), { daysLater: 400 });
    await apiCall(centre.url, 'hub.join', { hubUrl: hub.url, code: hub.firstCode });
    await apiCall(centre.url, 'hub.completeSetup', {
      terminalName: '县中心一号机',
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });
    const countyAdmin = await apiSignIn(centre.url, ADMIN);
    const units = await apiCall(centre.url, 'orgUnits.list', {}, countyAdmin);
    const unitOf = (code: string) => units.find((unit) => unit.code === code)!;
    const join_ = async (
      server: RunningServer,
      code: string,
      name: string,
      admin = TOWNSHIP_ADMIN,
    ) => {
      const issued = await apiCall(
        centre.url,
        'hub.issueCode',
        { orgUnitId: unitOf(code).id },
        countyAdmin,
      );
      await apiCall(server.url, 'hub.join', { hubUrl: hub.url, code: issued.code });
      await apiCall(server.url, 'hub.completeSetup', {
        terminalName: name,
        admin: {
          username: admin.username,
          displayName: admin.displayName,
          password: admin.password,
        },
      });
    };
    await join_(township, YANTOU, '一号窗口');
    await join_(village, YANTOU_VILLAGE, '村代办点', VILLAGE_ADMIN);
    await createUser(township.url, await apiSignIn(township.url, TOWNSHIP_ADMIN), LEAD);
    await takeOver(township.url, LEAD);

    const seed = await CaseSeeder.signIn(township.url, LEAD);
    const sima = await seed.resident(SIMA.name, SIMA.birth, 11);
    residentId = sima.id;
    const accepted = await seed.acceptComplete(sima.id, SIMA.item);
    caseId = accepted.id;
    caseNo = accepted.caseNo;
    let token = await apiSignIn(township.url, LEAD);
    await apiCall(township.url, 'hub.syncNow', {}, token);
    await township.stop();
    logRefusedChange(
      join(folder, 'township', 'desk.sqlite'),
      residentId,
      unitOf(YANTOU_VILLAGE).id,
    );
    township = await startServer(join(folder, 'township'));
    token = await apiSignIn(township.url, LEAD);
    await apiCall(township.url, 'hub.syncNow', {}, token);
    expect(await apiCall(township.url, 'sync.status', {}, token)).toMatchObject({
      problems: 1,
      waiting: 0,
    });

    // The village's first change goes up stamped 400 days ahead of the hub's clock.
    const villageToken = await apiSignIn(village.url, VILLAGE_ADMIN);
    const villageSeed = await CaseSeeder.signIn(village.url, VILLAGE_ADMIN);
    await villageSeed.resident('周大海', '1975-03-02', 21);
    await apiCall(village.url, 'hub.syncNow', {}, villageToken);
  });

  test.afterAll(async () => {
    await village?.stop();
    await township?.stop();
    await centre?.stop();
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('the status bar: online, last sync, waiting, problems, all within the window', async ({
    page,
    app,
  }) => {
    await app.openAs(township.url, LEAD);
    const bar = app.shell.statusBar;
    await expect(bar.getByText('在线', { exact: true })).toBeVisible();
    await expect(bar).toContainText(new RegExp(`最近同步：${TIME.source}`));
    await expect(bar.getByLabel('待上传')).toHaveText('待上传 0 条');
    await expect(bar.getByRole('link', { name: '同步问题 1 条' })).toBeVisible();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expectFits(bar);
    }
    await shoot(page, 'status-bar');
  });

  test('a record’s badge: the case 已同步, the resident 同步问题 leading to 同步问题', async ({
    page,
    app,
  }) => {
    await app.openAs(township.url, LEAD);
    await openRecord(page, app.shell.statusBar, `/cases/${caseId}`);
    await expect(page.getByRole('heading', { name: `案件 ${caseNo}` })).toBeVisible();
    await expect(page.getByText('已同步', { exact: true })).toBeVisible();
    await shoot(page, 'case-badge');

    await openRecord(page, app.shell.statusBar, `/residents/${residentId}`);
    await expect(page.getByRole('heading', { name: SIMA.name, level: 2 })).toBeVisible();
    const problem = page.getByRole('link', { name: '同步问题：查看并处理' });
    await expect(problem).toHaveText('同步问题');
    await shoot(page, 'resident-badge');
    await tabTo(page, problem);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '同步问题', level: 2 })).toBeVisible();
  });

  test('同步问题: the record, the change, the hub’s reason and time; both actions ask first, by keyboard', async ({
    page,
    app,
  }) => {
    // The supervisor's menu is taller than the window: it scrolls, and 同步问题 is in it.
    await app.openAs(township.url, LEAD, '同步问题');
    const table = page.getByRole('table', { name: '同步问题' });
    const row = table.getByRole('row', { name: new RegExp(SIMA.name) });
    await expect(row).toContainText(`居民 ${SIMA.name}`);
    await expect(row).toContainText('修改（1 项）');
    await expect(row).toContainText('该记录不属于本终端所在单位，县级平台未接收');
    await expect(row).not.toContainText('OUT_OF_SCOPE');
    await expect(row).toContainText(TIME);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expectFits(page.getByRole('main'));
    }
    await shoot(page, 'sync-problems');

    const abandon = row.getByRole('button', { name: '放弃本机修改' });
    await tabTo(page, abandon);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '放弃本机修改' });
    await expect(dialog).toContainText('以县级平台上的版本为准');
    await shoot(page, 'sync-problems-abandon');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toHaveCount(0);

    const resubmit = row.getByRole('button', { name: '重新提交' });
    await tabTo(page, resubmit);
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: '重新提交' });
    await expect(confirm).toContainText('作为一次完整修改再次上传县级平台');
    await shoot(page, 'sync-problems-resubmit');
    await confirm.getByRole('button', { name: '重新提交' }).click();
    await expect(page.getByText(/已按本机现状重新提交，处理了 1 条问题/)).toBeVisible();
    await expect(page.getByText('没有待处理的同步问题。')).toBeVisible();
    await expect(app.shell.statusBar).not.toContainText('同步问题', { timeout: 20_000 });
  });

  test('a form with something typed asks before 取消 throws it away', async ({ page, app }) => {
    await app.openAs(township.url, LEAD);
    await openRecord(page, app.shell.statusBar, `/residents/${residentId}`);
    await page.getByRole('button', { name: '修改档案' }).click();
    const form = page.getByRole('dialog', { name: '修改群众档案' });
    await form.getByLabel('住址').fill('岩头镇岩头村 12 号');
    await form.getByRole('button', { name: '取消' }).click();
    const ask = page.getByRole('dialog', { name: /放弃/ });
    await expect(ask.getByRole('button', { name: '继续填写' })).toBeVisible();
    await expect(ask.getByRole('button', { name: '放弃并关闭' })).toBeVisible();
    await shoot(page, 'form-cancel');
    await ask.getByRole('button', { name: '继续填写' }).click();
    await expect(form.getByLabel('住址')).toHaveValue('岩头镇岩头村 12 号');
  });

  test('a PC clock far ahead: its user is told to set it, the county centre sees which terminal', async ({
    page,
    app,
  }) => {
    await app.openAs(village.url, VILLAGE_ADMIN);
    const warning = page.getByRole('alert').filter({ hasText: '本机时间不准' });
    await expect(warning).toContainText(/本机时间与县级平台相差约 \d+ 天，请校准系统时间/);
    const days = Number(/约 (\d+) 天/.exec((await warning.textContent()) ?? '')![1]);
    expect(days).toBeGreaterThanOrEqual(399);
    expect(days).toBeLessThanOrEqual(401);
    await shoot(page, 'clock-warning');

    await app.openAs(centre.url, ADMIN, '终端管理');
    const row = page.getByRole('row', { name: /岩头村/ });
    await expect(row).toContainText(/超前约 \d+ 天/);
    await expect(row).toContainText(TIME);
    await expect(page.getByRole('row', { name: /岩头镇/ })).not.toContainText('超前');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expectFits(page.getByRole('main'));
    }
    await shoot(page, 'terminals-clock');
  });
});
