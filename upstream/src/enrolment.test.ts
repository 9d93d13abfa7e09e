import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { HUB_PATHS, HUB_ERROR_MESSAGES } from '@shared/sync/hub-contract';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { describeOnBackends, type Backend } from '../test/hub-backends';
import { startTestHub, type TestHub } from '../test/test-hub';
import type { Db } from './org-units';

describeOnBackends('enrolment', (backend: Backend) => {
  let db: Db;
  let close: () => Promise<void>;
  let hub: TestHub;
  beforeAll(async () => {
    ({ db, close } = await backend.open());
  });
  afterAll(() => close());
  afterEach(() => hub.close());

  it('enrols the county centre with the code printed at start, and the token then works', async () => {
    hub = await startTestHub(db);
    const enrolled = await hub.enrol(hub.firstCode);
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({
      terminalNumber: '01',
      countyCode: hub.countyCode,
      hubName: '测试县基层一窗通县级平台',
      orgUnit: {
        id: orgUnitIdFromDivisionCode(hub.countyCode),
        code: hub.countyCode,
        level: 'county',
        parentId: null,
      },
    });
    const self = await hub.call('GET', HUB_PATHS.terminal, { token: enrolled.body.token });
    expect(self.status).toBe(200);
    expect(self.body.terminalId).toBe(enrolled.body.terminalId);
  });

  it('refuses a code used once already, with a Chinese message', async () => {
    hub = await startTestHub(db);
    expect((await hub.enrol(hub.firstCode)).status).toBe(201);
    const again = await hub.enrol(hub.firstCode);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      code: 'ENROLMENT_CODE_USED',
      message: HUB_ERROR_MESSAGES.ENROLMENT_CODE_USED,
    });
  });

  it('refuses an expired code with 410, and an unknown one with 404', async () => {
    hub = await startTestHub(db);
    hub.clock.now = new Date(hub.clock.now.getTime() + 24 * 60 * 60 * 1000 + 1000);
    const expired = await hub.enrol(hub.firstCode);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('ENROLMENT_CODE_EXPIRED');
    expect(expired.body.message).toContain('加入码已过期');
    const unknown = await hub.enrol('2345-6789-ABCD');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ENROLMENT_CODE_UNKNOWN');
  });

  it('accepts a code typed in lower case without hyphens, and refuses a malformed one', async () => {
    hub = await startTestHub(db);
    const typed = hub.firstCode.replaceAll('-', ' ').toLowerCase();
    expect((await hub.enrol(typed)).status).toBe(201);
    const malformed = await hub.enrol('ABC');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { code: '加入码为 12 位字母和数字' },
    });
  });

  it('numbers the terminals of a unit 01, 02… with codes the county centre issues for it', async () => {
    hub = await startTestHub(db);
    const admin = (await hub.enrol(hub.firstCode)).body.token as string;
    const township = `${hub.countyCode}001`;
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const issued = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
        token: admin,
        body: { orgUnitCode: township },
      });
      expect(issued.status).toBe(201);
      expect(issued.body.code).toMatch(
        /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/,
      );
      expect(issued.body.expiresAt).toBe('2026-12-08T01:00:00.000Z');
      const enrolled = await hub.enrol(issued.body.code);
      expect(enrolled.body.orgUnit).toMatchObject({ code: township, name: '东城街道' });
      numbers.push(enrolled.body.terminalNumber);
    }
    expect(numbers).toEqual(['01', '02']);
    const village = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
      token: admin,
      body: { orgUnitCode: `${hub.countyCode}001001` },
    });
    expect((await hub.enrol(village.body.code)).body.terminalNumber).toBe('01');
  });

  it('keeps only hashes of tokens and codes', async () => {
    hub = await startTestHub(db);
    const enrolled = await hub.enrol(hub.firstCode);
    const terminal = await db
      .selectFrom('terminals')
      .selectAll()
      .where('county_code', '=', hub.countyCode)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(terminal)).not.toContain(enrolled.body.token);
    expect(terminal.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const codes = await db
      .selectFrom('enrolment_codes')
      .selectAll()
      .where('county_code', '=', hub.countyCode)
      .execute();
    expect(JSON.stringify(codes)).not.toContain(hub.firstCode.replaceAll('-', ''));
  });
});
