import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@shared/api';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { DATABASE_FILE } from '../app/open-runtime';
import { ADMIN_PASSWORD, createHarness, type Harness } from '../testing/harness';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../testing/county-hub';
import { PLAIN_TOKEN_FILE } from './token-store';

/** The demo county that `npm run hub` serves, and one of its townships. */
const COUNTY = '330324';
const YANTOU = '330324108';
const ADMIN = { username: 'admin', displayName: '陈建国', password: ADMIN_PASSWORD };
/** Usernames are unique in the county: the township's administrator has one of his own. */
const TOWNSHIP_ADMIN = {
  username: 'yantou_admin',
  displayName: '李卫东',
  password: ADMIN_PASSWORD,
};

function refused(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

async function joinAndSetUp(h: Harness, hubUrl: string, code: string) {
  const joined = await h.ok('hub.join', { hubUrl, code });
  await h.ok('hub.completeSetup', { terminalName: '一号窗口', admin: TOWNSHIP_ADMIN });
  const { token } = await h.ok('auth.signIn', {
    username: TOWNSHIP_ADMIN.username,
    password: ADMIN_PASSWORD,
  });
  return { joined, admin: token };
}

async function unitId(h: Harness, admin: string, code: string): Promise<string> {
  const units = await h.ok('orgUnits.list', {}, admin);
  return units.find((unit) => unit.code === code)!.id;
}

// One real hub for the file (npm run hub's code on PGlite in a temp folder): tests run in order and
// share it, as terminals of one county do.
describe('a terminal and the county hub', () => {
  let hubDir: string;
  let hub: CountyHub;
  let county: Harness;
  let countyAdmin: string;
  let township: Harness;
  let townshipAdmin: string;

  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'desk-hub-'));
    hub = await startCountyHub(join(hubDir, 'hub'));
    county = await createHarness();
    township = await createHarness();
  }, HUB_START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await county?.cleanup();
    await township?.cleanup();
    await hub?.stop();
    rmSync(hubDir, { recursive: true, force: true });
  });

  it('tells a mistyped code, an unknown code and an unreachable hub apart, saving nothing', async () => {
    expect(refused(await county.call('hub.join', { hubUrl: hub.url, code: 'ABC' })).code).toBe(
      'HUB_CODE_REJECTED',
    );
    const unknown = refused(
      await county.call('hub.join', { hubUrl: hub.url, code: 'ZZZZ-ZZZZ-ZZZZ' }),
    );
    expect(unknown).toMatchObject({
      code: 'HUB_CODE_REJECTED',
      message: expect.stringMatching(/加入码不正确/),
    });
    const away = refused(
      await county.call('hub.join', { hubUrl: 'http://127.0.0.1:9', code: hub.firstCode }),
    );
    expect(away).toMatchObject({
      code: 'HUB_UNREACHABLE',
      message: expect.stringMatching(/无法连接县级平台/),
    });
    expect(refused(await county.call('hub.join', { hubUrl: 'ftp://x', code: 'A' })).code).toBe(
      'INVALID_INPUT',
    );
    expect((await county.ok('hub.pendingJoin', {})).state).toBe('standalone');
  });

  it('joins the county centre in the wizard, survives a restart before the administrator, and takes the hub’s unit, number and tree', async () => {
    const joined = await county.ok('hub.join', {
      hubUrl: `${hub.url}/`,
      code: hub.firstCode.toLowerCase(),
    });
    expect(joined).toMatchObject({
      state: 'pending',
      hubUrl: hub.url,
      terminalNumber: '01',
      orgUnit: { code: COUNTY, level: 'county' },
    });
    expect((await county.ok('system.status', {})).setupDone).toBe(false);
    await county.restart();
    expect((await county.ok('hub.pendingJoin', {})).state).toBe('pending');

    const done = await county.ok('hub.completeSetup', {
      terminalName: '县中心一号机',
      admin: ADMIN,
    });
    expect(done.terminal).toMatchObject({ id: joined.terminalId, number: '01' });
    expect(done.orgUnit).toMatchObject({ id: orgUnitIdFromDivisionCode(COUNTY), code: COUNTY });
    countyAdmin = (await county.ok('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD }))
      .token;
    // The county's published tree, with the hub's ids: the same on every terminal.
    expect(await unitId(county, countyAdmin, YANTOU)).toBe(orgUnitIdFromDivisionCode(YANTOU));
    const status = await county.ok('hub.status', { refresh: true }, countyAdmin);
    expect(status).toMatchObject({ state: 'connected', terminalNumber: '01', problem: null });
    expect(status.lastContactAt).not.toBeNull();
    expect(status.orgTreeEdition).toBeGreaterThanOrEqual(1);
  });

  it('keeps the token out of the database, its backups’ source and the audit log, in a 0600 file', async () => {
    const token = county.backend.runtime.hubTokens.read()!;
    expect(token.length).toBeGreaterThan(20);
    const file = join(county.dataDir, PLAIN_TOKEN_FILE);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
      const bytes = readFileSync(join(county.dataDir, name));
      expect(bytes.includes(Buffer.from(token)), name).toBe(false);
    }
    const audit = await county.ok('audit.list', { page: 1, pageSize: 50 }, countyAdmin);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('lets the county centre issue a code for a township, which joins with its own number', async () => {
    expect(
      refused(await county.call('hub.join', { hubUrl: hub.url, code: hub.firstCode })).code,
    ).toBe('SETUP_DONE');
    const issued = await county.ok(
      'hub.issueCode',
      { orgUnitId: await unitId(county, countyAdmin, YANTOU) },
      countyAdmin,
    );
    expect(issued.orgUnit.code).toBe(YANTOU);
    expect(Date.parse(issued.expiresAt)).toBeGreaterThan(Date.now());
    const audit = await county.ok('audit.list', { page: 1, pageSize: 50 }, countyAdmin);
    expect(JSON.stringify(audit)).not.toContain(issued.code);

    const { joined, admin } = await joinAndSetUp(township, hub.url, issued.code);
    townshipAdmin = admin;
    expect(joined).toMatchObject({
      terminalNumber: '01',
      orgUnit: { code: YANTOU, level: 'township' },
    });
    const status = await township.ok('system.status', {});
    expect(status.orgUnit?.id).toBe(orgUnitIdFromDivisionCode(YANTOU));
    // A used code is refused the second time, with the hub's own words.
    const again = refused(await county.call('hub.join', { hubUrl: hub.url, code: issued.code }));
    expect(again.code).toBe('SETUP_DONE');
  });

  it('leaves terminal management to the county centre', async () => {
    const refusal = refused(await township.call('hub.listTerminals', {}, townshipAdmin));
    expect(refusal.code).toBe('HUB_COUNTY_ONLY');
    const list = await county.ok('hub.listTerminals', {}, countyAdmin);
    expect(list.map((t) => [t.orgUnit.code, t.terminalNumber, t.isSelf, t.revokedAt])).toEqual(
      expect.arrayContaining([
        [COUNTY, '01', true, null],
        [YANTOU, '01', false, null],
      ]),
    );
    const self = list.find((t) => t.isSelf)!;
    expect(
      refused(await county.call('hub.revokeTerminal', { terminalId: self.terminalId }, countyAdmin))
        .code,
    ).toBe('HUB_REFUSED');
  });

  it('tells a revoked terminal so in Chinese, and it keeps working offline', async () => {
    const list = await county.ok('hub.listTerminals', {}, countyAdmin);
    const target = list.find((t) => t.orgUnit.code === YANTOU)!;
    const revoked = await county.ok(
      'hub.revokeTerminal',
      { terminalId: target.terminalId },
      countyAdmin,
    );
    expect(revoked.revokedAt).not.toBeNull();

    const status = await township.ok('hub.status', { refresh: true }, townshipAdmin);
    expect(status.state).toBe('revoked');
    expect(status.problem).toMatch(/终端已被县级平台停用.*本机数据仍可离线使用/);
    // Known without asking the hub again, after a restart too.
    await township.restart();
    const again = await township.ok('auth.signIn', {
      username: TOWNSHIP_ADMIN.username,
      password: ADMIN_PASSWORD,
    });
    townshipAdmin = again.token;
    expect((await township.ok('hub.status', {}, townshipAdmin)).state).toBe('revoked');
    expect((await township.ok('users.list', { includeDisabled: true }, townshipAdmin)).length).toBe(
      1,
    );
  });

  it('reconnects a revoked terminal with a new code, taking the number the hub gives', async () => {
    const wrongUnit = await county.ok(
      'hub.issueCode',
      { orgUnitId: await unitId(county, countyAdmin, COUNTY) },
      countyAdmin,
    );
    const mismatch = refused(
      await township.call(
        'hub.reconnect',
        { hubUrl: hub.url, code: wrongUnit.code },
        townshipAdmin,
      ),
    );
    expect(mismatch).toMatchObject({
      code: 'HUB_UNIT_MISMATCH',
      message: expect.stringMatching(/本单位的加入码/),
    });

    const fresh = await county.ok(
      'hub.issueCode',
      { orgUnitId: await unitId(county, countyAdmin, YANTOU) },
      countyAdmin,
    );
    const status = await township.ok(
      'hub.reconnect',
      { hubUrl: hub.url, code: fresh.code },
      townshipAdmin,
    );
    expect(status).toMatchObject({ state: 'connected', problem: null });
    expect(status.terminalNumber).toBe('02');
    expect((await township.ok('system.status', {})).terminal?.number).toBe('02');
    expect((await township.ok('hub.status', { refresh: true }, townshipAdmin)).state).toBe(
      'connected',
    );
  });
});
