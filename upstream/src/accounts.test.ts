import { afterEach, expect, it } from 'vitest';
import { ACCOUNT_PATHS, pullAccountsPath } from '@shared/sync/accounts-contract';
import { HUB_PATHS } from '@shared/sync/hub-contract';
import { describeOnBackends, useDatabase } from '../test/hub-backends';
import { startTestHub, type TestHub } from '../test/test-hub';

const HASH = 'scrypt$32768$8$1$c2FsdA==$aGFzaA==';

function account(id: string, username: string, changes: Record<string, unknown> = {}) {
  return {
    id,
    username,
    displayName: '王小红',
    role: 'clerk',
    passwordHash: HASH,
    passwordFormat: 'scrypt',
    mustChangePassword: true,
    disabled: false,
    deleted: false,
    ...changes,
  };
}

describeOnBackends('staff accounts that follow the person', (backend) => {
  const db = useDatabase(backend);
  let hub: TestHub;
  afterEach(() => hub.close());

  /** Two windows of the 东城街道 township, one of its villages and another township. */
  async function county() {
    hub = await startTestHub(db());
    const centre = (await hub.enrol(hub.firstCode)).body.token as string;
    const enrolAt = async (orgUnitCode: string) => {
      const code = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
        token: centre,
        body: { orgUnitCode },
      });
      return (await hub.enrol(code.body.code)).body.token as string;
    };
    return {
      window1: await enrolAt(`${hub.countyCode}001`),
      window2: await enrolAt(`${hub.countyCode}001`),
      village: await enrolAt(`${hub.countyCode}001001`),
      north: await enrolAt(`${hub.countyCode}002`),
      centre,
    };
  }

  const push = (token: string, body: unknown) =>
    hub.call('POST', ACCOUNT_PATHS.accounts, { token, body });

  it('keeps an account pushed by one window and hands it, hash included, to the other window only', async () => {
    const t = await county();
    const created = await push(t.window1, { account: account('u-1', 'wangxh'), baseVersion: 0 });
    expect(created.status).toBe(200);
    expect(created.body.account).toMatchObject({ version: 1, passwordHash: HASH });

    const pulled = await hub.call('GET', pullAccountsPath(0), { token: t.window2 });
    expect(pulled.status).toBe(200);
    expect(pulled.body.accounts).toHaveLength(1);
    expect(pulled.body.accounts[0]).toMatchObject({
      id: 'u-1',
      username: 'wangxh',
      passwordHash: HASH,
      version: 1,
    });
    expect(pulled.body.cursor).toBe(pulled.body.accounts[0].seq);
    const nothingNew = await hub.call('GET', pullAccountsPath(pulled.body.cursor), {
      token: t.window2,
    });
    expect(nothingNew.body).toMatchObject({ accounts: [], more: false });

    for (const other of [t.village, t.north, t.centre]) {
      const theirs = await hub.call('GET', pullAccountsPath(0), { token: other });
      expect(theirs.status).toBe(200);
      expect(theirs.body.accounts).toEqual([]);
      expect(JSON.stringify(theirs.body)).not.toContain(HASH);
    }
  });

  it('takes the unit from the token, never from the body', async () => {
    const t = await county();
    const pushed = await push(t.village, {
      account: { ...account('u-2', 'lisi'), orgUnitId: `${hub.countyCode}001` },
      baseVersion: 0,
    });
    expect(pushed.status).toBe(200);
    const village = await hub.call('GET', pullAccountsPath(0), { token: t.village });
    expect(village.body.accounts.map((a: { id: string }) => a.id)).toEqual(['u-2']);
    const township = await hub.call('GET', pullAccountsPath(0), { token: t.window1 });
    expect(township.body.accounts).toEqual([]);
    // Another unit's terminal cannot change it either, whatever version it names.
    const hijack = await push(t.window1, {
      account: account('u-2', 'lisi', { passwordHash: 'scrypt$1$1$1$x$y' }),
      baseVersion: 1,
    });
    expect(hijack.status).toBe(403);
    expect(hijack.body.code).toBe('ACCOUNT_OTHER_UNIT');
  });

  it('refuses a username already used anywhere in the county, whatever its case', async () => {
    const t = await county();
    expect(
      (await push(t.window1, { account: account('u-1', 'wangxh'), baseVersion: 0 })).status,
    ).toBe(200);
    const taken = await push(t.north, { account: account('u-9', 'WangXH'), baseVersion: 0 });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      code: 'ACCOUNT_USERNAME_TAKEN',
      message: expect.stringMatching(/全县已被使用/),
    });
    // A deleted account frees its username.
    await push(t.window1, {
      account: account('u-1', 'wangxh', { deleted: true }),
      baseVersion: 1,
    });
    expect(
      (await push(t.north, { account: account('u-9', 'WangXH'), baseVersion: 0 })).status,
    ).toBe(200);
  });

  it('refuses a push on an older version, with the hub’s copy', async () => {
    const t = await county();
    await push(t.window1, { account: account('u-1', 'wangxh'), baseVersion: 0 });
    const disabled = await push(t.window1, {
      account: account('u-1', 'wangxh', { disabled: true }),
      baseVersion: 1,
    });
    expect(disabled.body.account.version).toBe(2);
    const stale = await push(t.window2, {
      account: account('u-1', 'wangxh', { passwordHash: 'scrypt$new' }),
      baseVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'ACCOUNT_VERSION_STALE',
      account: { id: 'u-1', version: 2, disabled: true, passwordHash: HASH },
    });
    const pulled = await hub.call('GET', pullAccountsPath(0), { token: t.window2 });
    expect(pulled.body.accounts).toHaveLength(1);
    expect(pulled.body.accounts[0]).toMatchObject({ version: 2, disabled: true });
  });

  it('refuses a revoked terminal and bad input', async () => {
    const t = await county();
    const list = await hub.call('GET', HUB_PATHS.adminTerminals, { token: t.centre });
    const target = list.body.terminals.find(
      (row: { orgUnit: { code: string } }) => row.orgUnit.code === `${hub.countyCode}002`,
    );
    await hub.call('POST', HUB_PATHS.adminRevokeTerminal(target.terminalId), {
      token: t.centre,
      body: {},
    });
    const pushed = await push(t.north, { account: account('u-3', 'zhaoliu'), baseVersion: 0 });
    expect(pushed.status).toBe(401);
    expect(pushed.body.code).toBe('TERMINAL_REVOKED');
    const pulled = await hub.call('GET', pullAccountsPath(0), { token: t.north });
    expect(pulled.body.code).toBe('TERMINAL_REVOKED');
    const bad = await push(t.window1, { account: { id: 'u-4' }, baseVersion: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_INPUT');
  });
});
