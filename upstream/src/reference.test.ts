import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import {
  HUB_PATHS,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
} from '@shared/sync/hub-contract';
import { REFERENCE_PATHS } from '@shared/sync/reference-contract';
import { describeOnBackends, useDatabase } from '../test/hub-backends';
import { smallOrgTree, startTestHub, type TestHub } from '../test/test-hub';

const shipped = JSON.parse(
  readFileSync(resolve(__dirname, '../../resources/service-catalogue.json'), 'utf8'),
) as { edition: string; items: Record<string, unknown>[] };

function catalogue(edition: string, count = 2) {
  return { edition, items: shipped.items.slice(0, count) };
}

function mediator(orgUnitCode: string, name: string, id?: string) {
  return {
    ...(id ? { id } : {}),
    orgUnitCode,
    committeeKind: orgUnitCode.length === 12 ? 'village' : 'township',
    name,
    gender: 'female',
    phone: '13800000000',
    background: 'village_cadre',
    specialties: ['neighbour'],
    active: true,
    note: null,
  };
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describeOnBackends('reference data editions', (backend) => {
  const db = useDatabase(backend);
  let hub: TestHub;
  const started: TestHub[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((each) => each.close()));
  });

  /** The county centre, and a terminal at each of the township 001, its village and the township 002. */
  async function countyAndUnits(overrides: Parameters<typeof startTestHub>[1] = {}) {
    hub = await startTestHub(db(), overrides);
    started.push(hub);
    const county = (await hub.enrol(hub.firstCode)).body.token as string;
    const enrolAt = async (orgUnitCode: string) => {
      const code = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
        token: county,
        body: { orgUnitCode },
      });
      return (await hub.enrol(code.body.code)).body;
    };
    const c = hub.countyCode;
    return {
      county,
      township: await enrolAt(`${c}001`),
      village: await enrolAt(`${c}001001`),
      neighbour: await enrolAt(`${c}002`),
    };
  }

  const publish = (token: string, kind: string, baseEdition: number, payload: unknown) =>
    hub.call('PUT', `/v1/admin/reference/${kind}`, { token, body: { baseEdition, payload } });

  it('lists the latest edition of every kind, null until the first, and serves what was published', async () => {
    const { county, township } = await countyAndUnits();
    const before = await hub.call('GET', REFERENCE_PATHS.manifest, { token: township.token });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      countyCode: hub.countyCode,
      editions: {
        orgTree: 1,
        catalogue: null,
        calendar: null,
        disputeTypes: null,
        mediationReference: null,
        roster: null,
      },
    });
    const missing = await hub.call('GET', REFERENCE_PATHS.edition('calendar'), {
      token: township.token,
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      code: 'NOT_FOUND',
      message: '县级平台尚未发布节假日安排',
    });

    hub.clock.now = new Date('2026-12-08T02:00:00.000Z');
    expect((await publish(county, 'catalogue', 0, catalogue('2026.1'))).status).toBe(200);
    const firstPull = await hub.call('GET', REFERENCE_PATHS.edition('catalogue'), {
      token: township.token,
    });
    expect(firstPull.body).toMatchObject({ edition: 1, payload: { edition: '2026.1' } });
    const calendar = { years: { '2027': { holidays: ['2027-01-01'], workdays: [] } } };
    expect((await publish(county, 'calendar', 0, calendar)).status).toBe(200);
    const second = await publish(county, 'catalogue', 1, catalogue('2026.2', 3));
    expect(second.body).toMatchObject({ kind: 'catalogue', edition: 2 });

    const after = await hub.call('GET', REFERENCE_PATHS.manifest, { token: township.token });
    expect(after.body.editions).toEqual({
      orgTree: 1,
      catalogue: 2,
      calendar: 1,
      disputeTypes: null,
      mediationReference: null,
      roster: null,
    });
    const pulled = await hub.call('GET', REFERENCE_PATHS.edition('catalogue'), {
      token: township.token,
    });
    expect(pulled.body).toMatchObject({
      kind: 'catalogue',
      countyCode: hub.countyCode,
      edition: 2,
      publishedAt: '2026-12-08T02:00:00.000Z',
      payload: { edition: '2026.2' },
    });
    expect(pulled.body.payload.items.map((item: { code: string }) => item.code)).toEqual(
      shipped.items.slice(0, 3).map((item) => item.code),
    );
    const pulledCalendar = await hub.call('GET', REFERENCE_PATHS.edition('calendar'), {
      token: township.token,
    });
    expect(pulledCalendar.body.payload).toEqual(calendar);
  });

  it('sends a pull gzipped to a terminal that accepts it', async () => {
    const { county, township } = await countyAndUnits();
    await publish(county, 'catalogue', 0, catalogue('2026.1', 20));
    const pull = (encoding: string | undefined) =>
      hub.app.inject({
        method: 'GET',
        url: REFERENCE_PATHS.edition('catalogue'),
        headers: {
          [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION),
          authorization: bearer(township.token),
          ...(encoding ? { 'accept-encoding': encoding } : {}),
        },
      });
    const plain = await pull(undefined);
    const zipped = await pull('gzip, deflate');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(plain.json()).toMatchObject({ kind: 'catalogue', edition: 1 });
  });

  it('refuses a publisher that had not seen the latest edition, writing nothing', async () => {
    const { county, township } = await countyAndUnits();
    await publish(county, 'catalogue', 0, catalogue('2026.1'));
    const stale = await publish(county, 'catalogue', 0, catalogue('2026.9', 5));
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      code: 'REFERENCE_EDITION_STALE',
      message: '县级平台上已有更新的版本，请先同步后再发布',
    });
    const pulled = await hub.call('GET', REFERENCE_PATHS.edition('catalogue'), {
      token: township.token,
    });
    expect(pulled.body).toMatchObject({ edition: 1, payload: { edition: '2026.1' } });
    expect(pulled.body.payload.items).toHaveLength(2);
  });

  it('refuses a payload that breaks the rules, naming the fields, and a body without a base edition', async () => {
    const { county, township } = await countyAndUnits();
    const broken = catalogue('2026.1');
    broken.items = [{ ...broken.items[0], type: 'instant', promisedDays: 3 }, broken.items[1]!];
    const refused = await publish(county, 'catalogue', 0, broken);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('REFERENCE_INVALID');
    expect(refused.body.message).toContain('事项目录有误，未发布');
    expect(refused.body.fields).toEqual({
      'payload.items.0.promisedDays': '即办件当场办结，承诺时限应为 0 个工作日',
    });
    const noBase = await hub.call('PUT', REFERENCE_PATHS.publish('catalogue'), {
      token: county,
      body: { payload: catalogue('2026.1') },
    });
    expect(noBase.status).toBe(400);
    expect(noBase.body.code).toBe('INVALID_INPUT');
    const manifest = await hub.call('GET', REFERENCE_PATHS.manifest, { token: township.token });
    expect(manifest.body.editions.catalogue).toBeNull();
  });

  it('lets only the county centre publish, and tells a revoked terminal so', async () => {
    const { county, township } = await countyAndUnits();
    const forbidden = await publish(township.token, 'catalogue', 0, catalogue('2026.1'));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    await hub.call('POST', HUB_PATHS.adminRevokeTerminal(township.terminalId), {
      token: county,
      body: {},
    });
    for (const path of [REFERENCE_PATHS.manifest, REFERENCE_PATHS.edition('catalogue')]) {
      const revoked = await hub.call('GET', path, { token: township.token });
      expect(revoked.status).toBe(401);
      expect(revoked.body.code).toBe('TERMINAL_REVOKED');
    }
    const unknownKind = await hub.call('GET', '/v1/reference/recipes', { token: county });
    expect(unknownKind.status).toBe(404);
    expect(unknownKind.body.code).toBe('NOT_FOUND');
  });

  it('issues roster ids, keeps them in later editions, and shows each terminal its own units’ mediators', async () => {
    const { county, township, village, neighbour } = await countyAndUnits();
    const c = hub.countyCode;
    const first = await publish(county, 'roster', 0, {
      entries: [
        mediator(`${c}001`, '王秀英'),
        mediator(`${c}001001`, '李建国'),
        mediator(`${c}002`, '陈立平'),
      ],
    });
    expect(first.status).toBe(200);
    const ids = first.body.payload.entries.map((entry: { id: string }) => entry.id);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(3);

    const given = '0192f3a4-5b6c-7d8e-9f00-112233445566';
    const second = await publish(county, 'roster', 1, {
      entries: [
        ...first.body.payload.entries,
        mediator(`${c}001001`, '赵美华', given.toUpperCase()),
      ],
    });
    expect(second.status).toBe(200);
    expect(second.body.payload.entries.map((entry: { id: string }) => entry.id)).toEqual([
      ...ids,
      given,
    ]);

    const names = async (token: string) => {
      const pulled = await hub.call('GET', REFERENCE_PATHS.edition('roster'), { token });
      expect(pulled.body.edition).toBe(2);
      return pulled.body.payload.entries.map((entry: { name: string }) => entry.name);
    };
    expect(await names(township.token)).toEqual(['王秀英', '李建国', '赵美华']);
    expect(await names(village.token)).toEqual(['李建国', '赵美华']);
    expect(await names(neighbour.token)).toEqual(['陈立平']);
    expect(await names(county)).toEqual(['王秀英', '李建国', '陈立平', '赵美华']);
  });

  it('refuses a roster naming a unit the county does not have (any more), or another county’s id', async () => {
    const { county } = await countyAndUnits();
    const c = hub.countyCode;
    await hub.call('PUT', HUB_PATHS.adminOrgTree, {
      token: county,
      body: {
        baseEdition: 1,
        units: smallOrgTree(c).filter((unit) => unit.code !== `${c}002`),
      },
    });
    const retired = await publish(county, 'roster', 0, {
      entries: [mediator(`${c}001`, '王秀英'), mediator(`${c}002`, '陈立平')],
    });
    expect(retired.status).toBe(422);
    expect(retired.body).toMatchObject({
      code: 'REFERENCE_INVALID',
      message: `第 2 条（陈立平）的所属单位 ${c}002 不是本县现有的单位`,
      fields: {
        'payload.entries.1.orgUnitCode': `第 2 条（陈立平）的所属单位 ${c}002 不是本县现有的单位`,
      },
    });
    const published = await publish(county, 'roster', 0, {
      entries: [mediator(`${c}001`, '王秀英')],
    });
    const takenId = published.body.payload.entries[0].id as string;

    const other = await countyAndUnits();
    const o = hub.countyCode;
    const borrowed = await publish(other.county, 'roster', 0, {
      entries: [mediator(`${o}001`, '孙丽', takenId), mediator(`${o}001`, '周强')],
    });
    expect(borrowed.status).toBe(422);
    expect(borrowed.body.fields).toEqual({
      'payload.entries.0.id': '第 1 条（孙丽）的编号已被其他县的调解员名册使用',
    });
    // A new id of its own, given twice: never one that happens to equal the id taken above.
    const repeated = randomUUID();
    const twice = await publish(other.county, 'roster', 0, {
      entries: [mediator(`${o}001`, '孙丽', repeated), mediator(`${o}001`, '周强', repeated)],
    });
    expect(twice.body.fields).toEqual({
      'payload.entries.1.id': '第 2 条（周强）的编号与第 1 条重复',
    });
  });

  it('gives concurrent publishes of one kind consecutive editions, refusing the stale one', async () => {
    const { county, township } = await countyAndUnits();
    const firstRound = await Promise.all([
      publish(county, 'disputeTypes', 0, disputeTypes('2026.1')),
      publish(county, 'disputeTypes', 0, disputeTypes('2026.1b')),
    ]);
    expect(firstRound.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const secondRound = await Promise.all([
      publish(county, 'disputeTypes', 1, disputeTypes('2026.2')),
      publish(county, 'disputeTypes', 1, disputeTypes('2026.2b')),
    ]);
    expect(secondRound.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winners = [...firstRound, ...secondRound].filter((answer) => answer.status === 200);
    expect(winners.map((answer) => answer.body.edition)).toEqual([1, 2]);
    const pulled = await hub.call('GET', REFERENCE_PATHS.edition('disputeTypes'), {
      token: township.token,
    });
    expect(pulled.body).toMatchObject({ edition: 2, payload: winners[1]!.body.payload });
  });

  it('takes a publish larger than other requests may be, up to its own limit', async () => {
    const { county } = await countyAndUnits({ bodyLimit: 4 * 1024, referenceBodyLimit: 32 * 1024 });
    const fits = await publish(county, 'catalogue', 0, catalogue('2026.1', 10));
    expect(fits.status).toBe(200);
    const tooLarge = await publish(county, 'catalogue', 1, catalogue('2026.2', 42));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

const shippedDisputeTypes = JSON.parse(
  readFileSync(resolve(__dirname, '../../resources/dispute-types.json'), 'utf8'),
) as { types: unknown[] };

function disputeTypes(edition: string) {
  return { edition, types: shippedDisputeTypes.types };
}
