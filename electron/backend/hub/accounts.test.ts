import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSetting, putSetting } from '../settings/service';
import {
  ADMIN_PASSWORD,
  NEW_ADMIN_PASSWORD,
  createHarness,
  type Harness,
} from '../testing/harness';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../testing/county-hub';
import { syncAccounts } from './accounts-sync';

/** The demo county that `npm run hub` serves, and one of its townships. */
const YANTOU = '330324108';
const COUNTY_ADMIN = { username: 'admin', displayName: '陈建国', password: ADMIN_PASSWORD };
const YANTOU_ADMIN = { username: 'yantou_admin', displayName: '李卫东', password: ADMIN_PASSWORD };
const VILLAGE_ADMIN = {
  username: 'village_admin',
  displayName: '周村委',
  password: ADMIN_PASSWORD,
};
const CLERK = { username: 'wangxh', displayName: '王小红', role: 'clerk' as const };
const THIRD_PASSWORD = 'Desk#2028c';

// One real hub for the file (npm run hub's code on PGlite in a temp folder), the county centre's
// terminal that issues the codes, two windows of the 岩头镇 township and one of its villages. The
// tests run in order and share them, as the terminals of one county do.
describe('staff accounts that follow the person', () => {
  let hubDir: string;
  let hub: CountyHub;
  let county: Harness;
  let window1: Harness;
  let window2: Harness;
  let village: Harness;
  let admin1: string;
  let admin2: string;
  let countyAdmin: string;
  let yantouId: string;

  async function joinAs(
    h: Harness,
    orgUnitId: string,
    countyAdmin: string,
    admin: typeof YANTOU_ADMIN,
  ) {
    const issued = await county.ok('hub.issueCode', { orgUnitId }, countyAdmin);
    await h.ok('hub.join', { hubUrl: hub.url, code: issued.code });
    await h.ok('hub.completeSetup', { terminalName: '窗口', admin });
    return (await h.ok('auth.signIn', { username: admin.username, password: admin.password }))
      .token;
  }

  const sync = async (h: Harness) => {
    const outcome = await syncAccounts(h.backend.runtime);
    expect(outcome.state).toBe('done');
    return outcome;
  };
  const signInCode = (h: Harness, password: string) =>
    h.code('auth.signIn', { username: CLERK.username, password });

  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'desk-hub-accounts-'));
    hub = await startCountyHub(join(hubDir, 'hub'));
    [county, window1, window2, village] = await Promise.all([
      createHarness(),
      createHarness(),
      createHarness(),
      createHarness(),
    ]);
    await county.ok('hub.join', { hubUrl: hub.url, code: hub.firstCode });
    await county.ok('hub.completeSetup', { terminalName: '县中心一号机', admin: COUNTY_ADMIN });
    countyAdmin = (await county.ok('auth.signIn', COUNTY_ADMIN)).token;
    const units = await county.ok('orgUnits.list', {}, countyAdmin);
    const yantou = units.find((unit) => unit.code === YANTOU)!;
    yantouId = yantou.id;
    const aVillage = units.find((unit) => unit.parentId === yantou.id)!;
    admin1 = await joinAs(window1, yantou.id, countyAdmin, YANTOU_ADMIN);
    admin2 = await joinAs(window2, yantou.id, countyAdmin, YANTOU_ADMIN);
    await joinAs(village, aVillage.id, countyAdmin, VILLAGE_ADMIN);
  }, HUB_START_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    for (const h of [county, window1, window2, village]) await h?.cleanup();
    await hub?.stop();
    rmSync(hubDir, { recursive: true, force: true });
  });

  it('takes the unit’s administrator as he is at a second window, and refuses a username of another unit', async () => {
    const at1 = await window1.ok('users.list', { includeDisabled: true }, admin1);
    const at2 = await window2.ok('users.list', { includeDisabled: true }, admin2);
    expect(at2.map((u) => [u.id, u.username])).toEqual(at1.map((u) => [u.id, u.username]));

    const other = await createHarness();
    try {
      const countyAdmin = (await county.ok('auth.signIn', COUNTY_ADMIN)).token;
      const units = await county.ok('orgUnits.list', {}, countyAdmin);
      const issued = await county.ok(
        'hub.issueCode',
        { orgUnitId: units.find((unit) => unit.code === '330324100')?.id ?? units[1]!.id },
        countyAdmin,
      );
      await other.ok('hub.join', { hubUrl: hub.url, code: issued.code });
      const refused = await other.call('hub.completeSetup', {
        terminalName: '窗口',
        admin: { ...YANTOU_ADMIN, password: NEW_ADMIN_PASSWORD },
      });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('USERNAME_TAKEN');
        expect(refused.error.fields?.['admin.username']).toBeDefined();
      }
    } finally {
      await other.cleanup();
    }
  });

  it('lets a clerk created at window 1 sign in at window 2 after one sync', async () => {
    await window1.ok('users.create', { ...CLERK, initialPassword: ADMIN_PASSWORD }, admin1);
    expect(await signInCode(window2, ADMIN_PASSWORD)).toBe('BAD_CREDENTIALS');
    expect((await sync(window2)).applied).toBe(1);
    const signedIn = await window2.ok('auth.signIn', {
      username: CLERK.username,
      password: ADMIN_PASSWORD,
    });
    expect(signedIn.user).toMatchObject({
      displayName: CLERK.displayName,
      mustChangePassword: true,
    });
    // The username is the county's now: no other window of any unit can take it.
    const again = await window2.call(
      'users.create',
      { ...CLERK, username: 'WANGXH', initialPassword: ADMIN_PASSWORD },
      admin2,
    );
    expect(again.ok ? 'OK' : again.error.code).toBe('USERNAME_TAKEN');
  });

  it('refuses the old password at window 1 once the clerk changed it at window 2', async () => {
    const first = await window2.ok('auth.signIn', {
      username: CLERK.username,
      password: ADMIN_PASSWORD,
    });
    await window2.ok(
      'auth.changePassword',
      { currentPassword: ADMIN_PASSWORD, newPassword: NEW_ADMIN_PASSWORD },
      first.token,
    );
    await sync(window1);
    expect(await signInCode(window1, ADMIN_PASSWORD)).toBe('BAD_CREDENTIALS');
    const signedIn = await window1.ok('auth.signIn', {
      username: CLERK.username,
      password: NEW_ADMIN_PASSWORD,
    });
    expect(signedIn.user.mustChangePassword).toBe(false);
  });

  it('signs the clerk out at window 2 and refuses him there once window 1 disabled him', async () => {
    const session = (
      await window2.ok('auth.signIn', { username: CLERK.username, password: NEW_ADMIN_PASSWORD })
    ).token;
    const clerk = (await window1.ok('users.list', { includeDisabled: true }, admin1)).find(
      (u) => u.username === CLERK.username,
    )!;
    await window1.ok('users.setDisabled', { userId: clerk.id, disabled: true }, admin1);
    await sync(window2);
    expect(await window2.code('auth.me', {}, session)).toBe('UNAUTHENTICATED');
    expect(await signInCode(window2, NEW_ADMIN_PASSWORD)).toBe('BAD_CREDENTIALS');

    await window1.ok('users.setDisabled', { userId: clerk.id, disabled: false }, admin1);
    await sync(window2);
    expect(await signInCode(window2, NEW_ADMIN_PASSWORD)).toBe('OK');
  });

  it('keeps a lockout at the window where it happened', async () => {
    for (let i = 0; i < 5; i += 1) await signInCode(window1, 'Wrong#2026x');
    expect(await signInCode(window1, NEW_ADMIN_PASSWORD)).toBe('BAD_CREDENTIALS');
    await sync(window1);
    await sync(window2);
    expect(await signInCode(window2, NEW_ADMIN_PASSWORD)).toBe('OK');
    expect(await signInCode(window1, NEW_ADMIN_PASSWORD)).toBe('BAD_CREDENTIALS');
    const row = await window1.backend.runtime.db
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', CLERK.username)
      .executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
    await window1.ok(
      'users.unlock',
      {
        userId: (await window1.ok('users.list', { includeDisabled: true }, admin1)).find(
          (u) => u.username === CLERK.username,
        )!.id,
      },
      admin1,
    );
  });

  it('keeps a change made offline, pushes it later and merges it with what the other window changed meanwhile', async () => {
    const rt1 = window1.backend.runtime;
    const clerk = (await window1.ok('users.list', { includeDisabled: true }, admin1)).find(
      (u) => u.username === CLERK.username,
    )!;
    // Window 1 loses the network (the hub's address answers nothing).
    await putSetting(rt1.db, 'hub_url', 'http://127.0.0.1:9');
    await window1.ok('users.setDisabled', { userId: clerk.id, disabled: true }, admin1);
    const created = await window1.call(
      'users.create',
      { username: 'zhaoliu', displayName: '赵六', role: 'clerk', initialPassword: ADMIN_PASSWORD },
      admin1,
    );
    expect(created.ok ? 'OK' : created.error).toMatchObject({
      code: 'ACCOUNTS_NEED_HUB',
      message: expect.stringMatching(/新建账号需要连接县级平台/),
    });
    expect((await syncAccounts(rt1)).state).toBe('unreachable');
    // Meanwhile window 2 renames the clerk.
    await window2.ok(
      'users.update',
      { userId: clerk.id, displayName: '王晓红', role: 'clerk', orgUnitId: clerk.orgUnitId },
      admin2,
    );
    expect(await signInCode(window2, NEW_ADMIN_PASSWORD)).toBe('OK');

    await putSetting(rt1.db, 'hub_url', hub.url);
    await sync(window1);
    await sync(window2);
    for (const [h, token] of [
      [window1, admin1],
      [window2, admin2],
    ] as const) {
      const seen = (await h.ok('users.list', { includeDisabled: true }, token)).find(
        (u) => u.id === clerk.id,
      )!;
      expect(seen).toMatchObject({ displayName: '王晓红', disabled: true });
    }
    expect(await signInCode(window2, NEW_ADMIN_PASSWORD)).toBe('BAD_CREDENTIALS');
    await window2.ok('users.setDisabled', { userId: clerk.id, disabled: false }, admin2);
    await sync(window1);
    expect(await signInCode(window1, NEW_ADMIN_PASSWORD)).toBe('OK');
  });

  it('never hands the township’s accounts to its village', async () => {
    await sync(village);
    const rows = await village.backend.runtime.db
      .selectFrom('users')
      .select(['username', 'password_hash'])
      .execute();
    expect(rows.map((row) => row.username)).toEqual([VILLAGE_ADMIN.username]);
    const township = await window1.backend.runtime.db
      .selectFrom('users')
      .select('password_hash')
      .execute();
    const villageHashes = new Set(rows.map((row) => row.password_hash));
    for (const row of township) expect(villageHashes.has(row.password_hash)).toBe(false);
  });

  it('audits once, and keeps working, an administrator set up offline whose username the county already has', async () => {
    const window3 = await createHarness();
    try {
      const issued = await county.ok('hub.issueCode', { orgUnitId: yantouId }, countyAdmin);
      await window3.ok('hub.join', { hubUrl: hub.url, code: issued.code });
      // The network goes between joining and creating the administrator.
      const rt3 = window3.backend.runtime;
      const pending = await getSetting(rt3.db, 'hub_pending_enrolment');
      await putSetting(
        rt3.db,
        'hub_pending_enrolment',
        pending!.replace(hub.url, 'http://127.0.0.1:9'),
      );
      await window3.ok('hub.completeSetup', {
        terminalName: '三号窗口',
        admin: { ...YANTOU_ADMIN, password: THIRD_PASSWORD },
      });
      await putSetting(rt3.db, 'hub_url', hub.url);
      for (let cycle = 0; cycle < 2; cycle += 1) await sync(window3);
      const refusals = await rt3.db
        .selectFrom('audit_log')
        .select(['outcome', 'detail'])
        .where('action', '=', 'users.syncToHub')
        .execute();
      expect(refusals).toEqual([
        {
          outcome: 'failure',
          detail: expect.stringMatching(/^yantou_admin：该用户名在全县已被使用.*暂只在本机有效/),
        },
      ]);
      // The unit's accounts still arrive, and the local administrator still signs in here.
      expect(
        await window3.code('auth.signIn', {
          username: CLERK.username,
          password: NEW_ADMIN_PASSWORD,
        }),
      ).toBe('OK');
      expect(
        await window3.code('auth.signIn', {
          username: YANTOU_ADMIN.username,
          password: THIRD_PASSWORD,
        }),
      ).toBe('OK');
    } finally {
      await window3.cleanup();
    }
  });

  it('signs the clerk in at window 2 with what it last received while the hub is stopped', async () => {
    const clerk = (await window1.ok('users.list', { includeDisabled: true }, admin1)).find(
      (u) => u.username === CLERK.username,
    )!;
    await window1.ok(
      'users.resetPassword',
      { userId: clerk.id, newPassword: THIRD_PASSWORD },
      admin1,
    );
    await sync(window2);
    await hub.stop();
    await window2.restart();
    expect((await syncAccounts(window2.backend.runtime)).state).toBe('unreachable');
    const signedIn = await window2.ok('auth.signIn', {
      username: CLERK.username,
      password: THIRD_PASSWORD,
    });
    expect(signedIn.user.mustChangePassword).toBe(true);
    expect(await signInCode(window2, NEW_ADMIN_PASSWORD)).toBe('BAD_CREDENTIALS');
  });
});
