import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceItemFields } from '@shared/domain/catalogue/service-item';
import { createHarness, setUpTownship, type Harness } from '../testing/harness';
import { staffSession } from './test-support';

let h: Harness;
let admin: string;
beforeEach(async () => {
  h = await createHarness();
  ({ token: admin } = await setUpTownship(h));
});
afterEach(async () => {
  await h.cleanup();
});

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

async function codeOf(name: string) {
  const items = await h.ok('catalogue.list', { query: name }, admin);
  return items.map((item) => item.code);
}

async function auditActions() {
  const page = await h.ok('audit.list', { page: 1, pageSize: 200 }, admin);
  return page.rows.map((row) => row.action);
}

describe('the catalogue seeded at setup', () => {
  it('holds the 42 shipped items, grouped by category in the picker order, then by code', async () => {
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

  it('writes one audit entry for the load and an outbox entry per row', async () => {
    expect((await auditActions()).filter((action) => action === 'catalogue.seed')).toHaveLength(1);
    const outbox = await h.backend.runtime.db
      .selectFrom('outbox')
      .select(['table_name'])
      .where('table_name', 'in', ['service_items', 'service_item_versions'])
      .execute();
    expect(outbox).toHaveLength(84);
  });
});

describe('catalogue.list', () => {
  it('finds items by pinyin initials, in either case', async () => {
    expect(await codeOf('cjrz')).toEqual(['ZJ-XZ-0025', 'ZJ-XZ-0026']);
    expect(await codeOf('CXJM')).toEqual([
      'ZJ-XZ-0001',
      'ZJ-XZ-0002',
      'ZJ-XZ-0003',
      'ZJ-XZ-0004',
      'ZJ-XZ-0008',
    ]);
  });

  it('finds items by code prefix and by the digits of a code', async () => {
    expect(await codeOf('zj-xz-0025')).toEqual(['ZJ-XZ-0025']);
    expect(await codeOf('0036')).toEqual(['ZJ-XZ-0036']);
  });

  it('finds items by Chinese text anywhere in the name', async () => {
    expect(await codeOf('残疾人')).toEqual([
      'ZJ-XZ-0021',
      'ZJ-XZ-0022',
      'ZJ-XZ-0025',
      'ZJ-XZ-0026',
      'ZJ-XZ-0027',
    ]);
    expect(await codeOf('居住证')).toEqual(['ZJ-XZ-0036', 'ZJ-XZ-0037']);
  });

  it('finds items by the short names clerks say, and by their initials', async () => {
    // The search box's own hint: 如 低保、dbsq.
    expect(await codeOf('低保')).toEqual(['ZJ-XZ-0013', 'ZJ-XZ-0014']);
    expect(await codeOf('dbsq')).toEqual(['ZJ-XZ-0013']);
    expect(await codeOf('社保卡')).toEqual(['ZJ-XZ-0007']);
    expect(await codeOf('残疾证')).toEqual(['ZJ-XZ-0025', 'ZJ-XZ-0026']);
    expect(await codeOf('医保')).toEqual(['ZJ-XZ-0001', 'ZJ-XZ-0005', 'ZJ-XZ-0008']);
    expect(await codeOf('暂住证')).toEqual(['ZJ-XZ-0036']);
  });

  it('finds pinyin initials anywhere in a name, not only from its start', async () => {
    // 城乡居民基本医疗保险参保登记 → cxjmjbylbxcbdj; 养老保险 reads ylbx as well.
    const insurance = ['ZJ-XZ-0001', 'ZJ-XZ-0002', 'ZJ-XZ-0003', 'ZJ-XZ-0004'];
    expect(await codeOf('ylbx')).toEqual(insurance);
    expect(await codeOf('YLBX')).toEqual(insurance);
    expect(await codeOf('cjrzsl')).toEqual(['ZJ-XZ-0025']);
  });

  it('lists only items a village agent may take in, and filters by category', async () => {
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
  it('shows the current version with its materials and the version history', async () => {
    const [item] = await h.ok('catalogue.list', { query: 'ZJ-XZ-0025' }, admin);
    const detail = await h.ok('catalogue.get', { itemId: item!.id }, admin);
    expect(detail).toMatchObject({
      code: 'ZJ-XZ-0025',
      name: '残疾人证申领',
      number: 1,
      active: true,
      versions: [{ number: 1, createdBy: '管理员' }],
    });
    expect(detail.materials.length).toBeGreaterThan(1);
    expect(await h.ok('catalogue.getVersion', { versionId: detail.versionId }, admin)).toEqual({
      ...detail,
      active: undefined,
      aliases: undefined,
      versions: undefined,
    });
  });

  it('answers NOT_FOUND for an unknown item', async () => {
    const result = await h.call('catalogue.get', { itemId: 'nope' }, admin);
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
  });
});

describe('catalogue.save', () => {
  it('creates an item with version 1, audited and in the outbox', async () => {
    const detail = await h.ok('catalogue.save', { fields: newItem }, admin);
    expect(detail).toMatchObject({ code: 'LOCAL-0001', number: 1, active: true });
    expect(await codeOf('dsznfmgrzbb')).toEqual(['LOCAL-0001']);
    expect(await auditActions()).toContain('catalogue.create');
    const outbox = await h.backend.runtime.db
      .selectFrom('outbox')
      .select(['table_name', 'op'])
      .where('record_id', 'in', [detail.itemId, detail.versionId])
      .execute();
    expect(outbox).toHaveLength(2);
  });

  it('refuses a code already used, ignoring case', async () => {
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

  it('refuses an item that breaks the rules spanning fields, naming the field', async () => {
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
    expect(await codeOf('LOCAL')).toEqual([]);
  });

  it('makes a new version on an edit, keeping the old one for cases taken in under it', async () => {
    const created = await h.ok('catalogue.save', { fields: newItem }, admin);
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
    expect(await codeOf('dsznfmgrzbl')).toEqual(['LOCAL-0001']);
    expect(await codeOf('dsznfmgrzbb')).toEqual([]);
  });

  it('writes nothing when the edit changes nothing', async () => {
    const created = await h.ok('catalogue.save', { fields: newItem }, admin);
    const before = await auditActions();
    const again = await h.ok('catalogue.save', { itemId: created.itemId, fields: newItem }, admin);
    expect(again.versions).toHaveLength(1);
    expect(await auditActions()).toEqual(before);
  });

  it('changes a code without a new version when nothing else changed', async () => {
    const created = await h.ok('catalogue.save', { fields: newItem }, admin);
    const moved = await h.ok(
      'catalogue.save',
      { itemId: created.itemId, fields: { ...newItem, code: 'LOCAL-0009' } },
      admin,
    );
    expect(moved).toMatchObject({ code: 'LOCAL-0009', number: 1 });
  });

  it('saves aliases on the item without a new version, audited, and finds the item by them', async () => {
    const created = await h.ok(
      'catalogue.save',
      { fields: { ...newItem, aliases: [' 光荣证 ', '', '光荣证'] } },
      admin,
    );
    expect(created.aliases).toEqual(['光荣证']);
    expect(await codeOf('光荣证')).toEqual(['LOCAL-0001']);
    const renamed = await h.ok(
      'catalogue.save',
      { itemId: created.itemId, fields: { ...newItem, aliases: ['独子证'] } },
      admin,
    );
    expect(renamed).toMatchObject({ number: 1, aliases: ['独子证'] });
    expect(await codeOf('dzz')).toEqual(['LOCAL-0001']);
    expect(await codeOf('光荣证补办')).toEqual(['LOCAL-0001']);
    const audit = await h.ok('audit.list', { page: 1, pageSize: 5 }, admin);
    expect(audit.rows[0]).toMatchObject({ action: 'catalogue.update' });
    expect(audit.rows[0]?.detail).toContain('别名 独子证');
  });

  it('refuses more than ten aliases, naming the field', async () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `别名${i}`);
    const result = await h.call('catalogue.save', { fields: { ...newItem, aliases } }, admin);
    expect(result.ok ? null : result.error.code).toBe('INVALID_INPUT');
  });

  it('is for supervisors and administrators only', async () => {
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
  it('takes an item out of the list and puts it back, audited', async () => {
    const [item] = await h.ok('catalogue.list', { query: 'ZJ-XZ-0025' }, admin);
    const off = await h.ok('catalogue.setActive', { itemId: item!.id, active: false }, admin);
    expect(off.active).toBe(false);
    expect(await codeOf('ZJ-XZ-0025')).toEqual([]);
    const all = await h.ok('catalogue.list', { query: 'ZJ-XZ-0025', includeInactive: true }, admin);
    expect(all.map((i) => [i.code, i.active])).toEqual([['ZJ-XZ-0025', false]]);
    await h.ok('catalogue.setActive', { itemId: item!.id, active: true }, admin);
    expect(await codeOf('ZJ-XZ-0025')).toEqual(['ZJ-XZ-0025']);
    const actions = await auditActions();
    expect(actions).toContain('catalogue.deactivate');
    expect(actions).toContain('catalogue.activate');
  });
});
