import { describe, expect } from 'vitest';
import {
  serviceCatalogueFileSchema,
  type ServiceItemFields,
} from '@shared/domain/catalogue/service-item';
import type { ReferenceEdition } from '@shared/sync/reference-contract';
import { serviceItemIdFromCode, serviceItemVersionId } from '@shared/sync/natural-ids';
import { WUMA } from '@shared/testing/org-units';
import shipped from '../../../resources/service-catalogue.json';
import { addCase, addResident } from '../testing/case-rows';
import { test } from '../testing/fixtures';
import { createHarness, setUpTownship, type Harness } from '../testing/harness';
import { applyAsSyncCycle, recordJoinWithoutHub } from '../testing/reference-apply';

/** 五马街道's county, 鹿城区: the issuer of the shipped catalogue at its terminals. */
const COUNTY = WUMA.divisionCode.slice(0, 6);
const SHIPPED = serviceCatalogueFileSchema.parse(shipped).items;

const localItem: ServiceItemFields = {
  code: 'WM-0001',
  name: '独生子女父母光荣证补办',
  aliases: [],
  category: '卫生健康',
  department: '镇卫健办',
  type: 'promised',
  promisedDays: 5,
  statutoryDays: 20,
  feeFen: 0,
  agencyAllowed: true,
  basis: '《浙江省人口与计划生育条例》',
  materials: [
    {
      name: '申请人居民身份证',
      form: 'original',
      copies: 1,
      required: true,
      condition: null,
      source: '申请人自备',
    },
  ],
};

function shippedItem(code: string): ServiceItemFields {
  return SHIPPED.find((item) => item.code === code)!;
}

function edition(number: number, items: ServiceItemFields[]): ReferenceEdition<'catalogue'> {
  return {
    kind: 'catalogue',
    countyCode: COUNTY,
    edition: number,
    publishedAt: '2026-12-01T02:00:00.000Z',
    payload: { edition: `2026-12-0${number}`, items },
  };
}

async function listed(h: Harness, admin: string, query = '') {
  return h.ok('catalogue.list', { query, includeInactive: true }, admin);
}

async function byCode(h: Harness, admin: string, code: string) {
  return (await listed(h, admin, code)).filter((item) => item.code === code);
}

describe('one identity for service items', () => {
  test('two terminals of a county seeded alike hold the shipped items and their own new items under the same ids', async ({
    harness: h,
    township: { admin },
  }) => {
    const other = await createHarness();
    try {
      const { token: otherAdmin } = await setUpTownship(other);
      await h.ok('catalogue.save', { fields: localItem }, admin);
      await other.ok('catalogue.save', { fields: localItem }, otherAdmin);
      const here = await listed(h, admin);
      const there = await listed(other, otherAdmin);
      expect(here).toHaveLength(SHIPPED.length + 1);
      expect(there.map((item) => [item.id, item.versionId])).toEqual(
        here.map((item) => [item.id, item.versionId]),
      );
      const pension = here.find((item) => item.code === 'ZJ-XZ-0003')!;
      expect(pension.id).toBe(serviceItemIdFromCode(COUNTY, 'ZJ-XZ-0003'));
      expect(pension.versionId).toBe(serviceItemVersionId(pension.id, 1));
      expect(pension).toMatchObject({ countyIssued: true, editable: true });
      const own = here.find((item) => item.code === 'WM-0001')!;
      expect(own.id).toBe(serviceItemIdFromCode(WUMA.divisionCode, 'WM-0001'));
      expect(own).toMatchObject({ countyIssued: false, editable: true });
    } finally {
      await other.cleanup();
    }
  });

  test('a county item keeps its code, the natural key it is known by in the whole county', async ({
    harness: h,
    township: { admin },
  }) => {
    const [item] = await byCode(h, admin, 'ZJ-XZ-0025');
    const result = await h.call(
      'catalogue.save',
      { itemId: item!.id, fields: { ...shippedItem('ZJ-XZ-0025'), code: 'WM-0025' } },
      admin,
    );
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'ITEM_CODE_FIXED',
      message: expect.stringMatching(/不能修改/),
    });
  });

  test('a code an item was renamed from stays spent: a new item cannot take its id', async ({
    harness: h,
    township: { admin },
  }) => {
    const created = await h.ok('catalogue.save', { fields: localItem }, admin);
    await h.ok(
      'catalogue.save',
      { itemId: created.itemId, fields: { ...localItem, code: 'WM-0002' } },
      admin,
    );
    const again = await h.call('catalogue.save', { fields: localItem }, admin);
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'ITEM_CODE_TAKEN',
      message:
        '事项编码“WM-0001”曾用于“独生子女父母光荣证补办”（现编码 WM-0002），不能再用于新事项',
    });
  });
});

describe("applying the county's catalogue edition", () => {
  test('adds, versions and deactivates county items, leaving own items and old cases alone', async ({
    harness: h,
    township: { admin, setup },
  }) => {
    const db = h.backend.runtime.db;
    await h.ok('catalogue.save', { fields: localItem }, admin);
    const [disability] = await byCode(h, admin, 'ZJ-XZ-0025');
    const residentId = await addResident(db, setup.orgUnit.id, {
      name: '张三丰',
      docNumber: '330302199001011234',
    });
    const caseId = await addCase(db, {
      caseNo: '330302001-01-20261127-0001',
      orgUnitId: setup.orgUnit.id,
      item: { itemId: disability!.id, versionId: disability!.versionId, name: disability!.name },
      resident: { id: residentId, name: '张三丰' },
      state: 'accepted',
      createdAt: '2026-11-27T01:00:00.000Z',
    });

    const items = SHIPPED.filter((item) => item.code !== 'ZJ-XZ-0042').map((item) => {
      if (item.code === 'ZJ-XZ-0025') return { ...item, promisedDays: 10 };
      if (item.code === 'ZJ-XZ-0013') return { ...item, aliases: ['吃低保'] };
      return item;
    });
    const added: ServiceItemFields = {
      ...localItem,
      code: 'ZJ-XZ-0100',
      name: '农村低收入农户认定',
    };
    const summary = await applyAsSyncCycle(h, edition(1, [...items, added]));
    expect(summary).toBe(`事项 ${SHIPPED.length} 项（新增 1、更新 2、停用 1）`);

    const [versioned] = await byCode(h, admin, 'ZJ-XZ-0025');
    expect(versioned).toMatchObject({
      id: disability!.id,
      promisedDays: 10,
      versionNumber: 2,
      versionId: serviceItemVersionId(disability!.id, 2),
    });
    const taken = await h.ok('cases.get', { caseId }, admin);
    expect(taken.itemVersionId).toBe(disability!.versionId);
    const old = await h.ok('catalogue.getVersion', { versionId: disability!.versionId }, admin);
    expect(old).toMatchObject({ number: 1, promisedDays: 15 });

    // Aliases follow the edition, and their initials with them: the old ones are no longer found.
    expect(await listed(h, admin, '吃低保')).toMatchObject([
      { code: 'ZJ-XZ-0013', versionNumber: 1 },
    ]);
    expect(await listed(h, admin, 'cdb')).toMatchObject([{ code: 'ZJ-XZ-0013' }]);
    expect(await listed(h, admin, 'dbsq')).toEqual([]);
    expect(await listed(h, admin, '低保申请')).toEqual([]);

    const [newcomer] = await byCode(h, admin, 'ZJ-XZ-0100');
    expect(newcomer).toMatchObject({
      id: serviceItemIdFromCode(COUNTY, 'ZJ-XZ-0100'),
      versionNumber: 1,
      active: true,
      countyIssued: true,
    });
    expect(await listed(h, admin, 'ncdsrnhrd')).toMatchObject([{ code: 'ZJ-XZ-0100' }]);
    const [dropped] = await byCode(h, admin, 'ZJ-XZ-0042');
    expect(dropped).toMatchObject({ active: false, countyIssued: true });
    const [own] = await byCode(h, admin, 'WM-0001');
    expect(own).toMatchObject({ active: true, versionNumber: 1, countyIssued: false });

    // The next edition brings the dropped item back and changes nothing else.
    const again = await applyAsSyncCycle(
      h,
      edition(2, [...items, added, shippedItem('ZJ-XZ-0042')]),
    );
    expect(again).toBe(`事项 ${SHIPPED.length + 1} 项（新增 0、更新 1、停用 0）`);
    expect((await byCode(h, admin, 'ZJ-XZ-0042'))[0]).toMatchObject({
      active: true,
      versionNumber: 1,
    });
    // An edition the terminal already holds is not applied twice.
    expect(await applyAsSyncCycle(h, edition(2, [added]))).toMatch(/本机已是第 2 版，未作改动/);
    expect((await byCode(h, admin, 'ZJ-XZ-0001'))[0]!.active).toBe(true);
  });

  test('keeps a township item that has the code the county then gives an item of its own; the county item comes first', async ({
    harness: h,
    township: { admin },
  }) => {
    const mine = await h.ok(
      'catalogue.save',
      { fields: { ...localItem, code: 'ZJ-XZ-0100' } },
      admin,
    );
    const county: ServiceItemFields = {
      ...localItem,
      code: 'ZJ-XZ-0100',
      name: '农村低收入农户认定',
    };
    const summary = await applyAsSyncCycle(h, edition(1, [...SHIPPED, county]));
    expect(summary).toBe(
      `事项 ${SHIPPED.length + 1} 项（新增 1、更新 0、停用 0）；1 项与本单位自建事项编码相同，两者并存`,
    );
    const both = await byCode(h, admin, 'ZJ-XZ-0100');
    expect(both.map((item) => [item.name, item.countyIssued])).toEqual([
      ['农村低收入农户认定', true],
      ['独生子女父母光荣证补办', false],
    ]);
    expect(both[1]!.id).toBe(mine.itemId);
    const taken = await h.call(
      'catalogue.save',
      { fields: { ...county, name: '另一个事项' } },
      admin,
    );
    expect(taken.ok ? null : taken.error).toMatchObject({
      code: 'ITEM_CODE_TAKEN',
      message: '事项编码“ZJ-XZ-0100”已被“农村低收入农户认定”使用',
    });
  });
});

describe('county items below the county', () => {
  test('a joined township may not edit, version or deactivate a county item, and still keeps its own', async ({
    harness: h,
    township: { admin },
  }) => {
    await recordJoinWithoutHub(h);
    const [pension] = await byCode(h, admin, 'ZJ-XZ-0003');
    expect(pension).toMatchObject({ countyIssued: true, editable: false });
    const edit = await h.call(
      'catalogue.save',
      { itemId: pension!.id, fields: { ...shippedItem('ZJ-XZ-0003'), promisedDays: 3 } },
      admin,
    );
    expect(edit.ok ? null : edit.error).toEqual({
      code: 'CATALOGUE_COUNTY_ITEM',
      message: '事项“ZJ-XZ-0003”由县级统一发布，只能由县级中心修改；本单位可以新增自己的事项',
    });
    expect(await h.code('catalogue.setActive', { itemId: pension!.id, active: false }, admin)).toBe(
      'CATALOGUE_COUNTY_ITEM',
    );
    expect(await h.ok('catalogue.get', { itemId: pension!.id }, admin)).toMatchObject({
      number: 1,
      active: true,
      editable: false,
    });

    const created = await h.ok('catalogue.save', { fields: localItem }, admin);
    expect(created).toMatchObject({ countyIssued: false, editable: true });
    const revised = await h.ok(
      'catalogue.save',
      { itemId: created.itemId, fields: { ...localItem, promisedDays: 3 } },
      admin,
    );
    expect(revised).toMatchObject({ number: 2, promisedDays: 3 });
    expect(
      await h.ok('catalogue.setActive', { itemId: created.itemId, active: false }, admin),
    ).toMatchObject({ active: false });
  });

  test('a county centre cannot publish before it joins, and a township never', async ({
    harness: h,
    township: { admin },
  }) => {
    expect(await h.code('catalogue.publishToHub', {}, admin)).toBe('HUB_COUNTY_ONLY');
  });
});
