import { describe, expect } from 'vitest';
import type { ServiceItemFields } from '@shared/domain/catalogue/service-item';
import type { Harness } from '../testing/harness';
import { test as base } from '../testing/fixtures';
import { staffSession } from '../testing/catalogue';

const newItem: ServiceItemFields = {
  code: 'LOCAL-0001',
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

/**
 * `created`: newItem saved by the administrator, for the tests that edit it; `shipped0025`: the
 * list's entry for the shipped item ZJ-XZ-0025.
 */
const test = base
  .extend('created', ({ harness: h, township: { admin } }) =>
    h.ok('catalogue.save', { fields: newItem }, admin),
  )
  .extend('shipped0025', async ({ harness: h, township: { admin } }) => {
    const [item] = await h.ok('catalogue.list', { query: 'ZJ-XZ-0025' }, admin);
    return item;
  });

async function codeOf(h: Harness, admin: string, name: string) {
  const items = await h.ok('catalogue.list', { query: name }, admin);
  return items.map((item) => item.code);
}

async function auditActions(h: Harness, admin: string) {
  const page = await h.ok('audit.list', { page: 1, pageSize: 200 }, admin);
  return page.rows.map((row) => row.action);
}

describe('the catalogue seeded at setup', () => {
  test('holds the 42 shipped items, grouped by category in the picker order, then by code', async ({
    harness: h,
    township: { admin },
  }) => {
    const items = await h.ok('catalogue.list', {}, admin);
    expect(items).toHaveLength(42);
    expect(items[0]).toMatchObject({
      code: 'ZJ-XZ-0001',
      name: '城乡居民基本医疗保险参保登记',
      category: '社会保障',
      type: 'instant',
      active: true,
      versionNumber: 1,
    });
    const categories = [...new Set(items.map((item) => item.category))];
    expect(categories.slice(0, 3)).toEqual(['社会保障', '社会救助', '民政']);
    const social = items.filter((item) => item.category === '社会保障').map((item) => item.code);
    expect(social).toEqual([...social].sort());
  });

  test('writes one audit entry for the load and an outbox entry per row', async ({
    harness: h,
    township: { admin },
  }) => {
    expect(
      (await auditActions(h, admin)).filter((action) => action === 'catalogue.seed'),
    ).toHaveLength(1);
    const outbox = await h.backend.runtime.db
      .selectFrom('outbox')
      .select(['table_name'])
      .where('table_name', 'in', ['service_items', 'service_item_versions'])
      .execute();
    expect(outbox).toHaveLength(84);
  });
});

describe('catalogue.list', () => {
  test('finds items by pinyin initials, in either case', async ({
    harness: h,
    township: { admin },
  }) => {
    expect(await codeOf(h, admin, 'cjrz')).toEqual(['ZJ-XZ-0025', 'ZJ-XZ-0026']);
    expect(await codeOf(h, admin, 'CXJM')).toEqual([
      'ZJ-XZ-0001',
      'ZJ-XZ-0002',
      'ZJ-XZ-0003',
      'ZJ-XZ-0004',
      'ZJ-XZ-0008',
    ]);
  });

  test('finds items by code prefix and by the digits of a code', async ({
    harness: h,
    township: { admin },
  }) => {
    expect(await codeOf(h, admin, 'zj-xz-0025')).toEqual(['ZJ-XZ-0025']);
    expect(await codeOf(h, admin, '0036')).toEqual(['ZJ-XZ-0036']);
  });

  test('finds items by Chinese text anywhere in the name', async ({
    harness: h,
    township: { admin },
  }) => {
    expect(await codeOf(h, admin, '残疾人')).toEqual([
      'ZJ-XZ-0021',
      'ZJ-XZ-0022',
      'ZJ-XZ-0025',
      'ZJ-XZ-0026',
      'ZJ-XZ-0027',
    ]);
    expect(await codeOf(h, admin, '居住证')).toEqual(['ZJ-XZ-0036', 'ZJ-XZ-0037']);
  });

  test('finds items by the short names clerks say, and by their initials', async ({
    harness: h,
    township: { admin },
  }) => {
    // The search box's own hint: 如 低保、dbsq.
    expect(await codeOf(h, admin, '低保')).toEqual(['ZJ-XZ-0013', 'ZJ-XZ-0014']);
    expect(await codeOf(h, admin, 'dbsq')).toEqual(['ZJ-XZ-0013']);
    expect(await codeOf(h, admin, '社保卡')).toEqual(['ZJ-XZ-0007']);
    expect(await codeOf(h, admin, '残疾证')).toEqual(['ZJ-XZ-0025', 'ZJ-XZ-0026']);
    expect(await codeOf(h, admin, '医保')).toEqual(['ZJ-XZ-0001', 'ZJ-XZ-0005', 'ZJ-XZ-0008']);
    expect(await codeOf(h, admin, '暂住证')).toEqual(['ZJ-XZ-0036']);
  });

  test('finds pinyin initials anywhere in a name, not only from its start', async ({
    harness: h,
    township: { admin },
  }) => {
    // 城乡居民基本医疗保险参保登记 → cxjmjbylbxcbdj; 养老保险 reads ylbx as well.
    const insurance = ['ZJ-XZ-0001', 'ZJ-XZ-0002', 'ZJ-XZ-0003', 'ZJ-XZ-0004'];
    expect(await codeOf(h, admin, 'ylbx')).toEqual(insurance);
    expect(await codeOf(h, admin, 'YLBX')).toEqual(insurance);
    expect(await codeOf(h, admin, 'cjrzsl')).toEqual(['ZJ-XZ-0025']);
  });

  test('lists only items a village agent may take in, and filters by category', async ({
    harness: h,
    township: { admin },
  }) => {
    const agency = await h.ok('catalogue.list', { query: '居住证', agencyOnly: true }, admin);
    expect(agency).toEqual([]);
    const all = await h.ok('catalogue.list', { agencyOnly: true }, admin);
    expect(all.every((item) => item.agencyAllowed)).toBe(true);
    expect(all.length).toBeLessThan(42);
    const health = await h.ok('catalogue.list', { category: '卫生健康' }, admin);
    expect(health.map((item) => item.code)).toEqual([
      'ZJ-XZ-0028',
      'ZJ-XZ-0029',
      'ZJ-XZ-0030',
      'ZJ-XZ-0031',
      'ZJ-XZ-0032',
    ]);
  });
});

describe('catalogue.get and getVersion', () => {
  test('shows the current version with its materials and the version history', async ({
    harness: h,
    township: { admin },
    shipped0025: item,
  }) => {
    const detail = await h.ok('catalogue.get', { itemId: item!.id }, admin);
    expect(detail).toMatchObject({
      code: 'ZJ-XZ-0025',
      name: '残疾人证申领',
      number: 1,
      active: true,
      // The shipped catalogue is the county's; a terminal not joined to the hub still edits it.
      countyIssued: true,
      editable: true,
      versions: [{ number: 1, createdBy: '管理员' }],
    });
    expect(detail.materials.length).toBeGreaterThan(1);
    expect(await h.ok('catalogue.getVersion', { versionId: detail.versionId }, admin)).toEqual({
      ...detail,
      active: undefined,
      aliases: undefined,
      countyIssued: undefined,
      editable: undefined,
      versions: undefined,
    });
  });

  test('answers NOT_FOUND for an unknown item', async ({ harness: h, township: { admin } }) => {
    const result = await h.call('catalogue.get', { itemId: 'nope' }, admin);
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
  });
});

describe('catalogue.save', () => {
  test('creates an item with version 1, audited and in the outbox', async ({
    harness: h,
    township: { admin },
  }) => {
    const detail = await h.ok('catalogue.save', { fields: newItem }, admin);
    expect(detail).toMatchObject({ code: 'LOCAL-0001', number: 1, active: true });
    expect(await codeOf(h, admin, 'dsznfmgrzbb')).toEqual(['LOCAL-0001']);
    expect(await auditActions(h, admin)).toContain('catalogue.create');
    const outbox = await h.backend.runtime.db
      .selectFrom('outbox')
      .select(['table_name', 'op'])
      .where('record_id', 'in', [detail.itemId, detail.versionId])
      .execute();
    expect(outbox).toHaveLength(2);
  });

  test('refuses a code already used, ignoring case', async ({
    harness: h,
    township: { admin },
  }) => {
    const result = await h.call(
      'catalogue.save',
      { fields: { ...newItem, code: 'zj-xz-0001' } },
      admin,
    );
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'ITEM_CODE_TAKEN',
      message: '事项编码“zj-xz-0001”已被“城乡居民基本医疗保险参保登记”使用',
      fields: { 'fields.code': '该编码已被其他事项使用' },
    });
  });

  test('refuses an item that breaks the rules spanning fields, naming the field', async ({
    harness: h,
    township: { admin },
  }) => {
    const result = await h.call(
      'catalogue.save',
      { fields: { ...newItem, type: 'instant', promisedDays: 3 } },
      admin,
    );
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'SERVICE_ITEM_INVALID',
      message: '即办件当场办结，承诺时限应为 0 个工作日',
      fields: { 'fields.promisedDays': '即办件当场办结，承诺时限应为 0 个工作日' },
    });
    const over = await h.call(
      'catalogue.save',
      { fields: { ...newItem, promisedDays: 30 } },
      admin,
    );
    expect(over.ok ? null : over.error.code).toBe('SERVICE_ITEM_INVALID');
    expect(await codeOf(h, admin, 'LOCAL')).toEqual([]);
  });

  test('makes a new version on an edit, keeping the old one for cases taken in under it', async ({
    harness: h,
    township: { admin },
    created,
  }) => {
    const edited = await h.ok(
      'catalogue.save',
      {
        itemId: created.itemId,
        fields: { ...newItem, name: '独生子女父母光荣证补领', promisedDays: 3 },
      },
      admin,
    );
    expect(edited).toMatchObject({ itemId: created.itemId, number: 2, promisedDays: 3 });
    expect(edited.versionId).not.toBe(created.versionId);
    expect(edited.versions.map((v) => v.number)).toEqual([2, 1]);
    const old = await h.ok('catalogue.getVersion', { versionId: created.versionId }, admin);
    expect(old).toMatchObject({ number: 1, name: '独生子女父母光荣证补办', promisedDays: 5 });
    const [summary] = await h.ok('catalogue.list', { query: 'LOCAL-0001' }, admin);
    expect(summary).toMatchObject({ name: '独生子女父母光荣证补领', versionNumber: 2 });
    // The item row follows the current version: its initials now end in "bl" (补领).
    expect(await codeOf(h, admin, 'dsznfmgrzbl')).toEqual(['LOCAL-0001']);
    expect(await codeOf(h, admin, 'dsznfmgrzbb')).toEqual([]);
  });

  test('writes nothing when the edit changes nothing', async ({
    harness: h,
    township: { admin },
    created,
  }) => {
    const before = await auditActions(h, admin);
    const again = await h.ok('catalogue.save', { itemId: created.itemId, fields: newItem }, admin);
    expect(again.versions).toHaveLength(1);
    expect(await auditActions(h, admin)).toEqual(before);
  });

  test('changes a code without a new version when nothing else changed', async ({
    harness: h,
    township: { admin },
    created,
  }) => {
    const moved = await h.ok(
      'catalogue.save',
      { itemId: created.itemId, fields: { ...newItem, code: 'LOCAL-0009' } },
      admin,
    );
    expect(moved).toMatchObject({ code: 'LOCAL-0009', number: 1 });
  });

  test('saves aliases on the item without a new version, audited, and finds the item by them', async ({
    harness: h,
    township: { admin },
  }) => {
    const created = await h.ok(
      'catalogue.save',
      { fields: { ...newItem, aliases: [' 光荣证 ', '', '光荣证'] } },
      admin,
    );
    expect(created.aliases).toEqual(['光荣证']);
    expect(await codeOf(h, admin, '光荣证')).toEqual(['LOCAL-0001']);
    const renamed = await h.ok(
      'catalogue.save',
      { itemId: created.itemId, fields: { ...newItem, aliases: ['独子证'] } },
      admin,
    );
    expect(renamed).toMatchObject({ number: 1, aliases: ['独子证'] });
    expect(await codeOf(h, admin, 'dzz')).toEqual(['LOCAL-0001']);
    expect(await codeOf(h, admin, '光荣证补办')).toEqual(['LOCAL-0001']);
    const audit = await h.ok('audit.list', { page: 1, pageSize: 5 }, admin);
    expect(audit.rows[0]).toMatchObject({ action: 'catalogue.update' });
    expect(audit.rows[0]?.detail).toContain('别名 独子证');
  });

  test('refuses more than ten aliases, naming the field', async ({
    harness: h,
    township: { admin },
  }) => {
    const aliases = Array.from({ length: 11 }, (_, i) => `别名${i}`);
    const result = await h.call('catalogue.save', { fields: { ...newItem, aliases } }, admin);
    expect(result.ok ? null : result.error.code).toBe('INVALID_INPUT');
  });

  test('is for supervisors and administrators only', async ({
    harness: h,
    township: { admin },
  }) => {
    const clerk = await staffSession(h, admin, 'clerk1', 'clerk');
    const result = await h.call('catalogue.save', { fields: newItem }, clerk);
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN');
    expect((await h.ok('catalogue.list', { query: 'cjrzsl' }, clerk)).map((i) => i.code)).toEqual([
      'ZJ-XZ-0025',
    ]);
    const supervisor = await staffSession(h, admin, 'boss1', 'supervisor');
    expect((await h.call('catalogue.save', { fields: newItem }, supervisor)).ok).toBe(true);
  });
});

describe('catalogue.setActive', () => {
  test('takes an item out of the list and puts it back, audited', async ({
    harness: h,
    township: { admin },
    shipped0025: item,
  }) => {
    const off = await h.ok('catalogue.setActive', { itemId: item!.id, active: false }, admin);
    expect(off.active).toBe(false);
    expect(await codeOf(h, admin, 'ZJ-XZ-0025')).toEqual([]);
    const all = await h.ok('catalogue.list', { query: 'ZJ-XZ-0025', includeInactive: true }, admin);
    expect(all.map((i) => [i.code, i.active])).toEqual([['ZJ-XZ-0025', false]]);
    await h.ok('catalogue.setActive', { itemId: item!.id, active: true }, admin);
    expect(await codeOf(h, admin, 'ZJ-XZ-0025')).toEqual(['ZJ-XZ-0025']);
    const actions = await auditActions(h, admin);
    expect(actions).toContain('catalogue.deactivate');
    expect(actions).toContain('catalogue.activate');
  });
});
