import { describe, expect, it } from 'vitest';
import shipped from '../../../resources/service-catalogue.json';
import {
  SERVICE_CATEGORIES,
  checkCatalogueRules,
  checkServiceItemRules,
  materialRequirement,
  serviceCatalogueFileSchema,
  serviceCatalogueSchema,
  serviceItemSchema,
  type ServiceItemFields,
} from './service-item';

const REQUIRED_ITEMS = [
  '城乡居民基本医疗保险参保登记',
  '城乡居民基本养老保险参保登记',
  '残疾人证申领',
  '最低生活保障申请',
  '临时救助申请',
  '高龄津贴申领',
  '生育登记',
  '农村宅基地建房审批',
  '居住证申领',
  '困难残疾人生活补贴',
  '重度残疾人护理补贴',
  '特困人员救助供养',
  '城乡居民养老保险待遇领取',
  '医保异地就医备案',
  '退役军人优待证申领',
  '老年人优待证',
  '计划生育家庭特别扶助',
  '农村危房改造',
  '流动人口婚育证明',
  '独生子女父母奖励',
  '就业登记',
  '失业登记',
  '灵活就业人员社保登记',
  '户口迁移',
  '出生登记',
];

function item(overrides: Partial<ServiceItemFields> = {}): ServiceItemFields {
  return {
    code: 'ZJ-XZ-9001',
    name: '测试事项',
    category: '民政',
    department: '县民政局',
    type: 'promised',
    promisedDays: 5,
    statutoryDays: 20,
    feeFen: 0,
    agencyAllowed: true,
    basis: '《测试条例》',
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
    aliases: [],
    ...overrides,
  };
}

describe('resources/service-catalogue.json', () => {
  const catalogue = serviceCatalogueFileSchema.parse(shipped);

  it('parses as a whole, with unique codes and every rule holding', () => {
    expect(catalogue.edition).not.toBe('');
    expect(checkCatalogueRules(catalogue.items)).toEqual([]);
  });

  it('holds at least 30 items', () => {
    expect(catalogue.items.length).toBeGreaterThanOrEqual(30);
  });

  it('parses item by item and every item passes its rules', () => {
    for (const raw of shipped.items) {
      const parsed = serviceItemSchema.safeParse(raw);
      expect(parsed.success, `${raw.code} ${raw.name}`).toBe(true);
      if (parsed.success) expect(checkServiceItemRules(parsed.data)).toEqual([]);
    }
  });

  it('holds every item a Zhejiang township centre is expected to take in', () => {
    const names = new Set(catalogue.items.map((i) => i.name));
    expect(REQUIRED_ITEMS.filter((name) => !names.has(name))).toEqual([]);
  });

  it('lets a village agent take in at least 10 items, each with a power of attorney when agented', () => {
    const agency = catalogue.items.filter((i) => i.agencyAllowed);
    expect(agency.length).toBeGreaterThanOrEqual(10);
    for (const i of agency) {
      const attorney = i.materials.find((m) => m.name.includes('委托书'));
      expect(attorney, `${i.code} ${i.name}`).toBeDefined();
      expect(attorney?.condition, `${i.code} ${i.name}`).not.toBeNull();
    }
  });

  it('uses the known categories, stable codes and fees in whole fen', () => {
    for (const i of catalogue.items) {
      expect(SERVICE_CATEGORIES as readonly string[], i.name).toContain(i.category);
      expect(i.code).toMatch(/^ZJ-XZ-\d{4}$/);
      expect(Number.isInteger(i.feeFen)).toBe(true);
    }
    expect(catalogue.items.filter((i) => i.feeFen === 0).length).toBeGreaterThan(
      catalogue.items.length / 2,
    );
  });

  it('has both instant and promised items, instant ones promising 0 days', () => {
    const instant = catalogue.items.filter((i) => i.type === 'instant');
    expect(instant.length).toBeGreaterThan(0);
    expect(instant.every((i) => i.promisedDays === 0)).toBe(true);
    expect(catalogue.items.some((i) => i.type === 'promised')).toBe(true);
  });

  it('lists every item with at least one always-required material', () => {
    for (const i of catalogue.items) {
      expect(
        i.materials.some((m) => materialRequirement(m) === 'required'),
        `${i.code} ${i.name}`,
      ).toBe(true);
    }
  });
});

describe('checkServiceItemRules', () => {
  it('accepts a well-formed promised item and a well-formed instant item', () => {
    expect(checkServiceItemRules(item())).toEqual([]);
    expect(checkServiceItemRules(item({ type: 'instant', promisedDays: 0 }))).toEqual([]);
    expect(checkServiceItemRules(item({ promisedDays: 20, statutoryDays: 20 }))).toEqual([]);
  });

  it('refuses an instant item that promises days', () => {
    expect(checkServiceItemRules(item({ type: 'instant', promisedDays: 3 }))).toMatchObject([
      { code: 'INSTANT_HAS_PROMISED_DAYS', path: ['promisedDays'] },
    ]);
  });

  it('refuses a promised item with 0 days or more than the statutory limit', () => {
    expect(checkServiceItemRules(item({ promisedDays: 0 }))).toMatchObject([
      { code: 'PROMISED_DAYS_TOO_SHORT' },
    ]);
    expect(checkServiceItemRules(item({ promisedDays: 21, statutoryDays: 20 }))).toMatchObject([
      { code: 'PROMISED_DAYS_OVER_STATUTORY' },
    ]);
  });

  it('refuses a material listed twice, ignoring surrounding spaces', () => {
    const base = item().materials[0]!;
    const problems = checkServiceItemRules(
      item({ materials: [base, { ...base, name: ' 申请人居民身份证 ', form: 'copy' }] }),
    );
    expect(problems).toMatchObject([
      { code: 'DUPLICATE_MATERIAL_NAME', path: ['materials', 1, 'name'] },
    ]);
    expect(problems[0]?.message).toContain('申请人居民身份证');
  });
});

describe('checkCatalogueRules', () => {
  it('refuses a code used twice, ignoring case', () => {
    const problems = checkCatalogueRules([
      item(),
      item({ code: 'zj-xz-9001', name: '另一事项' }),
      item({ code: 'ZJ-XZ-9002' }),
    ]);
    expect(problems).toMatchObject([{ code: 'DUPLICATE_ITEM_CODE', path: [1, 'code'] }]);
  });

  it('places an item rule under the item index', () => {
    expect(checkCatalogueRules([item(), item({ code: 'B', promisedDays: 0 })])).toMatchObject([
      { code: 'PROMISED_DAYS_TOO_SHORT', path: [1, 'promisedDays'] },
    ]);
  });
});

describe('serviceItemSchema', () => {
  it('answers a broken rule with a Chinese message at the field', () => {
    const result = serviceItemSchema.safeParse(item({ type: 'instant', promisedDays: 2 }));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([
      { path: ['promisedDays'], message: '即办件当场办结，承诺时限应为 0 个工作日' },
    ]);
  });

  it('answers malformed fields in Chinese', () => {
    const result = serviceItemSchema.safeParse({
      ...item(),
      type: 'urgent',
      feeFen: 12.5,
      materials: [],
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('办件类型只能是即办件或承诺件');
    expect(messages).toContain('收费金额以分计，应为整数');
    expect(messages).toContain('至少列出一项申请材料');
  });

  it('trims text and refuses a blank condition', () => {
    const parsed = serviceItemSchema.parse(item({ name: '  测试事项  ' }));
    expect(parsed.name).toBe('测试事项');
    const base = item().materials[0]!;
    const blank = serviceItemSchema.safeParse(item({ materials: [{ ...base, condition: '  ' }] }));
    expect(blank.success).toBe(false);
  });

  it('refuses duplicate codes in a catalogue list', () => {
    const result = serviceCatalogueSchema.safeParse([item(), item({ name: '重复编码事项' })]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: [1, 'code'] });
  });
});

describe('materialRequirement', () => {
  it('tells required, conditional and optional apart', () => {
    expect(materialRequirement({ required: true, condition: null })).toBe('required');
    expect(materialRequirement({ required: true, condition: '委托他人办理的' })).toBe(
      'conditional',
    );
    expect(materialRequirement({ required: false, condition: null })).toBe('optional');
    expect(materialRequirement({ required: false, condition: '低保对象' })).toBe('optional');
  });
});
