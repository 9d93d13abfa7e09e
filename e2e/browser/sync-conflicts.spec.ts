import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHlc } from '../../shared/sync/hlc';
import { orgUnitIdFromDivisionCode } from '../../shared/sync/natural-ids';
import {
  startInProcessHub,
  type InProcessHub,
} from '../../electron/backend/testing/in-process-hub';
import { HUB_START_TIMEOUT_MS } from '../fixtures/county-hub';
import { ADMIN, TOWNSHIP_ADMIN, apiCall, apiSignIn, expect, test } from '../fixtures';
import { residentIdNumber } from '../fixtures/case-seed';
import { startServer, type RunningServer } from '../fixtures/server';

const YANTOU = '330324108';
const YANTOU_ID = orgUnitIdFromDivisionCode(YANTOU);

/**
 * Two windows of 岩头镇 joined to the county hub. The hub runs in this process so that the spec can
 * open the conflict its push opens when both windows change a resident's address from the same
 * version (until the push and the pusher are merged, the spec writes that row itself).
 */
test.describe.serial('同步冲突: a supervisor of the owning unit chooses between two values', () => {
  let folder: string;
  let hub: InProcessHub;
  let centre: RunningServer;
  let window1: RunningServer;
  let window2: RunningServer;
  let residentId: string;

  async function joinTownship(server: RunningServer, code: string, terminalName: string) {
    await apiCall(server.url, 'hub.join', { hubUrl: hub.url, code });
    await apiCall(server.url, 'hub.completeSetup', {
      terminalName,
      admin: {
        username: terminalName === '一号窗口' ? TOWNSHIP_ADMIN.username : 'yantou_admin2',
        displayName: TOWNSHIP_ADMIN.displayName,
        password: TOWNSHIP_ADMIN.password,
      },
    });
  }

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 120_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-conflicts-e2e-'));
    hub = await startInProcessHub();
    [centre, window1, window2] = await Promise.all([
      startServer(join(folder, 'centre')),
      startServer(join(folder, 'window1')),
      startServer(join(folder, 'window2')),
    ]);
    await apiCall(centre.url, 'hub.join', { hubUrl: hub.url, code: hub.firstCode });
    await apiCall(centre.url, 'hub.completeSetup', {
      terminalName: '县中心一号机',
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });
    const countyAdmin = await apiSignIn(centre.url, ADMIN);
    for (const [server, name] of [
      [window1, '一号窗口'],
      [window2, '二号窗口'],
    ] as const) {
      const { code } = await apiCall(
        centre.url,
        'hub.issueCode',
        { orgUnitId: YANTOU_ID },
        countyAdmin,
      );
      await joinTownship(server, code, name);
    }
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
          villageOrgId: orgUnitIdFromDivisionCode(`${YANTOU}201`),
        },
        admin,
      )
    ).id;

    // Both windows changed the address from the version they had; window 2's arrived second.
    const terminals = await hub.db
      .selectFrom('terminals')
      .select(['id', 'terminal_number'])
      .where('org_unit_id', '=', YANTOU_ID)
      .orderBy('terminal_number')
      .execute();
    const [first, second] = terminals;
    const users = await apiCall(window1.url, 'users.list', {}, admin);
    const window1Admin = users.find((user) => user.username === TOWNSHIP_ADMIN.username)!;
    const earlier = Date.now() - 20 * 60_000;
    const version = (minutes: number, node: string) =>
      formatHlc({ wall: earlier + minutes * 60_000, counter: 0, node });
    await hub.db
      .insertInto('sync_records')
      .values({
        county_code: hub.countyCode,
        table_name: 'residents',
        record_id: residentId,
        org_unit_id: YANTOU_ID,
        root_table: 'residents',
        root_id: residentId,
        version: version(5, second!.id),
        columns: JSON.stringify({ address: '岩头村丽水街 8 号' }),
        field_versions: JSON.stringify({ address: version(2, first!.id) }),
        deleted: false,
        change_seq: 1,
        origin_terminal_id: first!.id,
        updated_at: new Date(earlier + 5 * 60_000).toISOString(),
      })
      .execute();
    await hub.db
      .insertInto('sync_conflicts')
      .values({
        county_code: hub.countyCode,
        id: 'conflict-address',
        table_name: 'residents',
        record_id: residentId,
        org_unit_id: YANTOU_ID,
        column_name: 'address',
        base_version: version(0, first!.id),
        kept_value: JSON.stringify('岩头村丽水街 8 号'),
        kept_version: version(2, first!.id),
        kept_terminal_id: first!.id,
        kept_by: window1Admin.id,
        kept_at: new Date(earlier + 2 * 60_000).toISOString(),
        other_value: JSON.stringify('岩头村丽水街 18 号（新房）'),
        other_version: version(5, second!.id),
        other_terminal_id: second!.id,
        other_by: null,
        other_at: new Date(earlier + 5 * 60_000).toISOString(),
        opened_at: new Date(earlier + 6 * 60_000).toISOString(),
      })
      .execute();
  });

  test.afterAll(async () => {
    await Promise.all([centre?.stop(), window1?.stop(), window2?.stop()]);
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('both values side by side with who, when and where; the choice is saved and the conflict closed', async ({
    page,
    app,
  }) => {
    await app.openAs(window1.url, TOWNSHIP_ADMIN, '同步冲突');
    const card = page.getByRole('article', { name: '群众档案 张三丰' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('住址');
    const kept = card.getByRole('region', { name: '县级平台现有的值' });
    const other = card.getByRole('region', { name: '另一终端改成的值' });
    await expect(kept).toContainText('岩头村丽水街 8 号');
    await expect(kept).toContainText(`修改人：${TOWNSHIP_ADMIN.displayName}`);
    await expect(kept).toContainText('终端：本机');
    await expect(other).toContainText('岩头村丽水街 18 号（新房）');
    await expect(other).toContainText('终端：02 号终端');
    await expect(other).toContainText(/修改时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await page.screenshot({ path: test.info().outputPath('conflict.png'), fullPage: true });

    await other.getByRole('button', { name: '采用另一值' }).click();
    const confirm = page.getByRole('dialog', { name: '采用另一值' });
    await expect(confirm).toContainText('岩头村丽水街 18 号（新房）');
    await confirm.getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('已处理：“住址”定为“岩头村丽水街 18 号（新房）”')).toBeVisible();
    await expect(page.getByText('没有待处理的同步冲突')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('resolved.png'), fullPage: true });

    const token = await apiSignIn(window1.url, TOWNSHIP_ADMIN);
    const resident = await apiCall(window1.url, 'residents.get', { residentId }, token);
    expect(resident.address).toBe('岩头村丽水街 18 号（新房）');
    const row = await hub.db
      .selectFrom('sync_conflicts')
      .select('resolved_value')
      .where('id', '=', 'conflict-address')
      .executeTakeFirstOrThrow();
    expect(row.resolved_value).toBe('岩头村丽水街 18 号（新房）');
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
