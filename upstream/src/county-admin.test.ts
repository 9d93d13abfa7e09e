import { afterEach, expect, it } from 'vitest';
import { APP_VERSION_HEADER, HUB_PATHS } from '@shared/sync/hub-contract';
import { describeOnBackends, useDatabase } from '../test/hub-backends';
import { startTestHub, type TestHub } from '../test/test-hub';

describeOnBackends('county administration', (backend) => {
  const db = useDatabase(backend);
  let hub: TestHub;
  afterEach(() => hub.close());

  /** The county centre enrolled with the printed code, and a township terminal with one it issued. */
  async function countyAndTownship() {
    hub = await startTestHub(db());
    const county = (await hub.enrol(hub.firstCode)).body;
    const code = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
      token: county.token,
      body: { orgUnitCode: `${hub.countyCode}001` },
    });
    const township = (await hub.enrol(code.body.code, '0.1.0')).body;
    return { county: county.token as string, township };
  }

  it('lists terminals with their last contact and the app version they last stated', async () => {
    const { county, township } = await countyAndTownship();
    hub.clock.now = new Date('2026-12-07T03:30:00.000Z');
    const pulled = await hub.call('GET', HUB_PATHS.orgTree, {
      token: township.token,
      headers: { [APP_VERSION_HEADER]: '0.2.0' },
    });
    expect(pulled.status).toBe(200);
    hub.clock.now = new Date('2026-12-07T04:00:00.000Z');
    const listed = await hub.call('GET', HUB_PATHS.adminTerminals, { token: county });
    expect(listed.status).toBe(200);
    const townshipRow = listed.body.terminals.find(
      (t: { terminalId: string }) => t.terminalId === township.terminalId,
    );
    expect(townshipRow).toMatchObject({
      terminalNumber: '01',
      orgUnit: { code: `${hub.countyCode}001`, name: '东城街道' },
      appVersion: '0.2.0',
      hostname: 'WIN-CHUANG01',
      enrolledAt: '2026-12-07T01:00:00.000Z',
      lastContactAt: '2026-12-07T03:30:00.000Z',
      revokedAt: null,
    });
    const countyRow = listed.body.terminals.find(
      (t: { orgUnit: { level: string } }) => t.orgUnit.level === 'county',
    );
    // The listing itself is a contact of the county centre's terminal.
    expect(countyRow.lastContactAt).toBe('2026-12-07T04:00:00.000Z');
  });

  it('records a terminal’s contact at most every five minutes, and a new app version at once', async () => {
    const { county, township } = await countyAndTownship();
    const contactOf = async () => {
      const listed = await hub.call('GET', HUB_PATHS.adminTerminals, { token: county });
      return listed.body.terminals.find(
        (t: { terminalId: string }) => t.terminalId === township.terminalId,
      ) as { lastContactAt: string; appVersion: string };
    };
    hub.clock.now = new Date('2026-12-07T01:00:40.000Z');
    await hub.call('GET', HUB_PATHS.terminal, { token: township.token });
    expect(await contactOf()).toMatchObject({
      lastContactAt: '2026-12-07T01:00:00.000Z',
      appVersion: '0.1.0',
    });
    await hub.call('GET', HUB_PATHS.terminal, {
      token: township.token,
      headers: { [APP_VERSION_HEADER]: '0.2.0' },
    });
    expect(await contactOf()).toMatchObject({
      lastContactAt: '2026-12-07T01:00:40.000Z',
      appVersion: '0.2.0',
    });
    hub.clock.now = new Date('2026-12-07T01:05:00.000Z');
    await hub.call('GET', HUB_PATHS.terminal, { token: township.token });
    expect((await contactOf()).lastContactAt).toBe('2026-12-07T01:00:40.000Z');
    hub.clock.now = new Date('2026-12-07T01:05:40.000Z');
    await hub.call('GET', HUB_PATHS.terminal, { token: township.token });
    expect((await contactOf()).lastContactAt).toBe('2026-12-07T01:05:40.000Z');
  });

  it('revokes a terminal, which is then told so in Chinese on every call', async () => {
    const { county, township } = await countyAndTownship();
    hub.clock.now = new Date('2026-12-07T05:00:00.000Z');
    const revoked = await hub.call('POST', HUB_PATHS.adminRevokeTerminal(township.terminalId), {
      token: county,
      body: {},
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.terminal.revokedAt).toBe('2026-12-07T05:00:00.000Z');
    for (const path of [HUB_PATHS.orgTree, HUB_PATHS.terminal]) {
      const refused = await hub.call('GET', path, { token: township.token });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('TERMINAL_REVOKED');
      expect(refused.body.message).toMatch(/^终端已被县级平台停用/);
    }
    // A revoked terminal's calls record no contact, whatever app version they state.
    await hub.call('GET', HUB_PATHS.terminal, {
      token: township.token,
      headers: { [APP_VERSION_HEADER]: '0.3.0' },
    });
    const listed = await hub.call('GET', HUB_PATHS.adminTerminals, { token: county });
    const row = listed.body.terminals.find(
      (t: { terminalId: string }) => t.terminalId === township.terminalId,
    );
    expect(row).toMatchObject({
      revokedAt: '2026-12-07T05:00:00.000Z',
      lastContactAt: '2026-12-07T01:00:00.000Z',
      appVersion: '0.1.0',
    });
  });

  it('does not let the county centre revoke its own terminal, nor an unknown one', async () => {
    hub = await startTestHub(db());
    const county = (await hub.enrol(hub.firstCode)).body;
    const self = await hub.call('POST', HUB_PATHS.adminRevokeTerminal(county.terminalId), {
      token: county.token,
      body: {},
    });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('CANNOT_REVOKE_SELF');
    const unknown = await hub.call('POST', HUB_PATHS.adminRevokeTerminal('no-such-terminal'), {
      token: county.token,
      body: {},
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses a township terminal every county-admin endpoint with 403', async () => {
    const { township } = await countyAndTownship();
    const calls = [
      ['POST', HUB_PATHS.adminEnrolmentCodes, { orgUnitCode: `${hub.countyCode}001` }],
      ['GET', HUB_PATHS.adminTerminals, undefined],
      ['POST', HUB_PATHS.adminRevokeTerminal(township.terminalId), {}],
      ['PUT', HUB_PATHS.adminOrgTree, { baseEdition: 1, units: [] }],
    ] as const;
    for (const [method, path, body] of calls) {
      const refused = await hub.call(method, path, { token: township.token, body });
      expect(refused.status, path).toBe(403);
      expect(refused.body).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/县级中心/),
      });
    }
  });

  it('refuses a call without a valid token with 401', async () => {
    hub = await startTestHub(db());
    const none = await hub.call('GET', HUB_PATHS.adminTerminals);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const forged = await hub.call('GET', HUB_PATHS.adminTerminals, { token: 'x'.repeat(43) });
    expect(forged.body.code).toBe('UNAUTHENTICATED');
  });

  it('issues codes only for units of its own org tree', async () => {
    hub = await startTestHub(db());
    const county = (await hub.enrol(hub.firstCode)).body;
    const elsewhere = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
      token: county.token,
      body: { orgUnitCode: '330102001' },
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('ORG_UNIT_UNKNOWN');
  });
});
