import type { ServiceItemVersion } from '@shared/api';
import { describe, expect, it } from 'vitest';
import { emptyItem, formPath, toFields, validateItem, valuesOfVersion } from './item-form';

const VERSION: ServiceItemVersion = {
  versionId: 'v1',
  itemId: 'i1',
  number: 1,
  code: 'ZJ-XZ-0018',
  name: '残疾人证申领',
  category: '残疾人服务',
  department: '县残联',
  type: 'promised',
  promisedDays: 10,
  statutoryDays: 20,
  feeFen: 1250,
  agencyAllowed: true,
  basis: '《残疾人证管理办法》',
  materials: [
    {
      name: '居民身份证',
      form: 'original_and_copy',
      copies: 1,
      required: true,
      condition: null,
      source: '申请人自备',
    },
    {
      name: '授权委托书',
      form: 'original',
      copies: 1,
      required: true,
      condition: '委托他人办理的',
      source: '窗口提供样表',
    },
    {
      name: '低保证明',
      form: 'copy',
      copies: 2,
      required: false,
      condition: '低保对象免予核查的',
      source: '乡镇民政办',
    },
  ],
  createdAt: '2026-11-27T01:00:00.000Z',
};

describe('item form values', () => {
  it('round-trips a version: fee in yuan, each requirement as one choice', () => {
    const values = valuesOfVersion(VERSION);
    expect(values.feeYuan).toBe(12.5);
    expect(values.materials.map((m) => m.requirement)).toEqual([
      'required',
      'conditional',
      'optional',
    ]);
    // Every field the editor gives back is the version's own; a past version shows no aliases.
    expect({ ...VERSION, ...toFields(values) }).toEqual({ ...VERSION, aliases: [] });
    expect(validateItem(values)).toEqual({});
  });

  it('carries the item’s aliases, which belong to no version', () => {
    const values = valuesOfVersion({ ...VERSION, aliases: ['高龄补贴'] });
    expect(values.aliases).toEqual(['高龄补贴']);
    expect(toFields(values).aliases).toEqual(['高龄补贴']);
  });

  it('reports the domain rules on the fields they concern', () => {
    const values = valuesOfVersion(VERSION);
    values.promisedDays = 30;
    values.feeYuan = 1.234;
    const second = values.materials[1]!;
    second.condition = ' ';
    values.materials[2]!.name = '居民身份证';
    expect(validateItem(values)).toEqual({
      promisedDays: '承诺时限（30 个工作日）不能超过法定时限（20 个工作日）',
      feeYuan: '收费金额最多保留两位小数（精确到分）',
      'materials.1.condition': '视情形提交的材料请填写适用情形',
      'materials.2.name': '申请材料“居民身份证”重复列出',
    });
  });

  it('asks for the fields a new item still lacks', () => {
    const errors = validateItem(emptyItem());
    expect(errors.code).toBe('事项编码为 1 到 64 位字母、数字、点、下划线或横线，例如 ZJ-XZ-0001');
    expect(errors.name).toBe('请填写事项名称');
    expect(errors['materials.0.name']).toBe('请填写材料名称');
  });

  it('puts the backend field paths on the editor fields', () => {
    expect(formPath('fields.feeFen')).toBe('feeYuan');
    expect(formPath('fields.code')).toBe('code');
    expect(formPath('fields.materials.2.required')).toBe('materials.2.requirement');
  });
});
