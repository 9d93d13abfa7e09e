import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCatalogueFileSchema } from '@shared/domain/catalogue/service-item';
import { serviceItemIdFromCode, serviceItemVersionId } from '@shared/sync/natural-ids';
import shipped from '../../../resources/service-catalogue.json';
import { recordAppliedEdition } from '../hub/service';
import {
  COUNTY_SCENE_TIMEOUT_MS,
  countyWithTownship,
  type CountyScene,
} from '../testing/hub-terminal';
import type { Harness } from '../testing/harness';
import { pullAndApply } from '../testing/reference-apply';

/** The demo county that `npm run hub` serves, and one of its townships. */
const COUNTY = '330324';
const SHIPPED = serviceCatalogueFileSchema.parse(shipped).items;

async function idsOf(h: Harness, admin: string) {
  const items = await h.ok('catalogue.list', { includeInactive: true }, admin);
  return items.map((item) => ({
    code: item.code,
    id: item.id,
    versionId: item.versionId,
    active: item.active,
  }));
}

// One real hub (npm run hub's code on PGlite) and two terminals of its demo county, in order.
describe('the county centre publishes its catalogue', () => {
  let county: Harness;
  let countyAdmin: string;
  let township: Harness;
  let townshipAdmin: string;

  let scene: CountyScene;

  beforeAll(async () => {
    scene = await countyWithTownship();
    ({ county, countyAdmin, township, townshipAdmin } = scene);
  }, COUNTY_SCENE_TIMEOUT_MS);

  afterAll(() => scene?.close());

  it('a township may not publish; the county centre edits county items as their issuer', async () => {
    expect(await township.code('catalogue.publishToHub', {}, townshipAdmin)).toBe(
      'HUB_COUNTY_ONLY',
    );
    const [pension] = await county.ok('catalogue.list', { query: 'ZJ-XZ-0003' }, countyAdmin);
    expect(pension).toMatchObject({ countyIssued: true, editable: true });
    const fields = SHIPPED.find((item) => item.code === 'ZJ-XZ-0003')!;
    // Two edits between publishes: the county's version 2 and 3.
    await county.ok(
      'catalogue.save',
      { itemId: pension!.id, fields: { ...fields, promisedDays: 4 } },
      countyAdmin,
    );
    await county.ok(
      'catalogue.save',
      { itemId: pension!.id, fields: { ...fields, promisedDays: 3, aliases: ['养老金'] } },
      countyAdmin,
    );
    await county.ok(
      'catalogue.save',
      { fields: { ...fields, code: 'YJ-0001', name: '永嘉县老年人免费乘车证', aliases: [] } },
      countyAdmin,
    );
    const [dropped] = await county.ok('catalogue.list', { query: 'ZJ-XZ-0042' }, countyAdmin);
    await county.ok('catalogue.setActive', { itemId: dropped!.id, active: false }, countyAdmin);
  });

  it('publishes the active county items as edition 1, which the township applies under the same ids', async () => {
    const published = await county.ok('catalogue.publishToHub', {}, countyAdmin);
    expect(published).toEqual({ edition: 1, items: SHIPPED.length });
    const audit = await county.ok('audit.list', { page: 1, pageSize: 20 }, countyAdmin);
    expect(audit.rows.map((row) => row.detail)).toContain(
      `发布事项目录第 1 版（2026-11-27），共 ${SHIPPED.length} 项`,
    );

    expect(await pullAndApply(township, 'catalogue')).toBe(
      `事项 ${SHIPPED.length} 项（新增 1、更新 1、停用 1）`,
    );
    const atCounty = await idsOf(county, countyAdmin);
    const atTownship = await idsOf(township, townshipAdmin);
    // Items and their versions alike: the edition says which number the county gave each version.
    expect(
      atTownship.map(({ code, id, versionId, active }) => ({ code, id, versionId, active })),
    ).toEqual(atCounty.map(({ code, id, versionId, active }) => ({ code, id, versionId, active })));
    const added = atTownship.find((item) => item.code === 'YJ-0001')!;
    expect(added.id).toBe(serviceItemIdFromCode(COUNTY, 'YJ-0001'));
    expect(added.versionId).toBe(serviceItemVersionId(added.id, 1));
    const [pension] = await township.ok('catalogue.list', { query: 'ZJ-XZ-0003' }, townshipAdmin);
    expect(pension).toMatchObject({
      promisedDays: 3,
      aliases: ['养老金'],
      countyIssued: true,
      editable: false,
    });
    // The county's two edits between publishes were its versions 2 and 3: here, as there, version 3.
    expect(pension!.versionId).toBe(serviceItemVersionId(pension!.id, 3));
    expect(
      await township.code(
        'catalogue.setActive',
        { itemId: pension!.id, active: false },
        townshipAdmin,
      ),
    ).toBe('CATALOGUE_COUNTY_ITEM');
  });

  it('refuses a publish based on an edition older than the hub’s, and asks to sync first', async () => {
    const rt = county.backend.runtime;
    await rt.db.deleteFrom('reference_editions').where('kind', '=', 'catalogue').execute();
    const stale = await county.call('catalogue.publishToHub', {}, countyAdmin);
    expect(stale.ok ? null : stale.error).toMatchObject({
      code: 'CATALOGUE_EDITION_STALE',
      message: expect.stringMatching(/请先在“县级平台”页立即同步/),
    });
    await recordAppliedEdition(rt.db, {
      kind: 'catalogue',
      edition: 1,
      publishedAt: null,
      appliedAt: rt.stamper.nowIso(),
      summary: '本机发布',
    });
    expect(await county.ok('catalogue.publishToHub', {}, countyAdmin)).toEqual({
      edition: 2,
      items: SHIPPED.length,
    });
  });
});
