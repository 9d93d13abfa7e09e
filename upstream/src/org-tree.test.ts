import { afterEach, expect, it } from 'vitest';
import { HUB_PATHS } from '@shared/sync/hub-contract';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { describeOnBackends, useDatabase } from '../test/hub-backends';
import { smallOrgTree, startTestHub, type TestHub } from '../test/test-hub';

describeOnBackends('org tree editions', (backend) => {
  const db = useDatabase(backend);
  let hub: TestHub;
  afterEach(() => hub.close());

  async function countyAndTownship() {
    hub = await startTestHub(db());
    const county = (await hub.enrol(hub.firstCode)).body.token as string;
    const code = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
      token: county,
      body: { orgUnitCode: `${hub.countyCode}001` },
    });
    const township = (await hub.enrol(code.body.code)).body.token as string;
    return { county, township };
  }

  it('publishes a new edition that a township terminal pulls, with ids from division codes', async () => {
    const { county, township } = await countyAndTownship();
    const first = await hub.call('GET', HUB_PATHS.orgTree, { token: township });
    expect(first.body.edition).toBe(1);
    const units = [
      ...smallOrgTree(hub.countyCode).filter((u) => u.code !== `${hub.countyCode}002`),
      {
        code: `${hub.countyCode}001002`,
        name: '望江社区',
        level: 'village',
        parentCode: `${hub.countyCode}001`,
      },
    ];
    hub.clock.now = new Date('2026-12-08T02:00:00.000Z');
    const published = await hub.call('PUT', HUB_PATHS.adminOrgTree, {
      token: county,
      body: { baseEdition: 1, units },
    });
    expect(published.status).toBe(200);
    expect(published.body.edition).toBe(2);
    const pulled = await hub.call('GET', HUB_PATHS.orgTree, { token: township });
    expect(pulled.body).toMatchObject({
      countyCode: hub.countyCode,
      edition: 2,
      publishedAt: '2026-12-08T02:00:00.000Z',
    });
    expect(pulled.body.units.map((u: { code: string }) => u.code)).toEqual([
      hub.countyCode,
      `${hub.countyCode}001`,
      `${hub.countyCode}001001`,
      `${hub.countyCode}001002`,
    ]);
    expect(pulled.body.units[3]).toEqual({
      id: orgUnitIdFromDivisionCode(`${hub.countyCode}001002`),
      code: `${hub.countyCode}001002`,
      name: '望江社区',
      level: 'village',
      parentId: orgUnitIdFromDivisionCode(`${hub.countyCode}001`),
    });
  });

  it('refuses a publisher that had not seen the latest edition', async () => {
    const { county } = await countyAndTownship();
    const stale = await hub.call('PUT', HUB_PATHS.adminOrgTree, {
      token: county,
      body: { baseEdition: 0, units: smallOrgTree(hub.countyCode) },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ORG_TREE_EDITION_STALE');
  });

  it('refuses a tree whose village hangs under a township it does not contain, changing nothing', async () => {
    const { county, township } = await countyAndTownship();
    const units = [
      { code: hub.countyCode, name: '测试县', level: 'county', parentCode: null },
      {
        code: `${hub.countyCode}003001`,
        name: '孤村',
        level: 'village',
        parentCode: `${hub.countyCode}003`,
      },
    ];
    const refused = await hub.call('PUT', HUB_PATHS.adminOrgTree, {
      token: county,
      body: { baseEdition: 1, units },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ORG_TREE_INVALID');
    expect(refused.body.fields['units.1']).toContain('孤村');
    const pulled = await hub.call('GET', HUB_PATHS.orgTree, { token: township });
    expect(pulled.body.edition).toBe(1);
    expect(pulled.body.units).toHaveLength(4);
  });
});
