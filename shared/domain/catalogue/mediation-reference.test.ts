import { DISPUTE_SOURCES, DISPUTE_TYPES } from '../mediation/vocabulary';
import { describe, expect, it } from 'vitest';
import shippedReference from '../../../resources/mediation-reference.json';
import shippedTypes from '../../../resources/dispute-types.json';
import {
  checkReferenceList,
  disputeTypesFileSchema,
  mediationReferenceFileSchema,
  referenceLabel,
} from './mediation-reference';

/** docs/domain.md, "Dispute types", in the order of the statistics. */
const STATISTICAL_TYPES = [
  '婚姻家庭',
  '邻里',
  '房屋宅基地',
  '合同',
  '生产经营',
  '损害赔偿',
  '山林土地',
  '征地拆迁',
  '环境污染',
  '劳动争议',
  '消费',
  '医疗',
  '道路交通事故',
  '物业',
  '其他',
];

describe('resources/dispute-types.json', () => {
  const file = disputeTypesFileSchema.parse(shippedTypes);

  it('holds exactly the 15 statistical types, in order, with the codes the mediation rules store', () => {
    expect(file.types.map((t) => t.label)).toEqual(STATISTICAL_TYPES);
    expect(file.types.map((t) => t.code)).toEqual([...DISPUTE_TYPES]);
  });

  it('describes every type', () => {
    for (const t of file.types) expect(t.description.length).toBeGreaterThan(4);
  });
});

describe('resources/mediation-reference.json', () => {
  const file = mediationReferenceFileSchema.parse(shippedReference);
  const labels = (entries: { label: string }[]) => entries.map((e) => e.label);

  it('lists the dispute sources with the codes the mediation rules store, each in a statistics group', () => {
    expect(file.disputeSources.map((s) => s.code)).toEqual([...DISPUTE_SOURCES]);
    expect(labels(file.disputeSources)).toEqual([
      '当事人申请',
      '主动调解',
      '移送',
      '委托',
      '指定',
      '网格上报',
      '12345转办',
    ]);
    expect(file.disputeSources.find((s) => s.code === 'application')?.group).toBe('application');
    expect(file.disputeSources.find((s) => s.code === 'transfer')?.group).toBe('transfer');
  });

  it('names the bodies a case is transferred from', () => {
    expect(labels(file.transferOrigins)).toEqual(expect.arrayContaining(['公安机关', '人民法院']));
  });

  it('lists the mediator backgrounds of the roster', () => {
    expect(labels(file.mediatorBackgrounds)).toEqual(
      expect.arrayContaining([
        '退休法官',
        '退休检察官',
        '退休警官',
        '司法行政工作人员',
        '律师',
        '乡贤',
        '村（社区）干部',
        '网格员',
      ]),
    );
  });

  it('lists the committee kinds', () => {
    expect(labels(file.committeeKinds)).toEqual(
      expect.arrayContaining([
        '村（社区）人民调解委员会',
        '乡镇（街道）人民调解委员会',
        '行业性专业性人民调解委员会',
      ]),
    );
  });

  it('lists the event-report categories, ending with 其他', () => {
    const categories = labels(file.eventReportCategories);
    expect(categories).toEqual(expect.arrayContaining(['安全隐患', '群体性事件苗头', '重大信息']));
    expect(categories.at(-1)).toBe('其他');
  });
});

describe('reference list rules', () => {
  it('refuses a code or a label used twice', () => {
    expect(
      checkReferenceList([
        { code: 'a', label: '甲' },
        { code: 'a', label: '乙' },
        { code: 'c', label: '甲' },
      ]),
    ).toMatchObject([
      { code: 'DUPLICATE_CODE', path: [1, 'code'] },
      { code: 'DUPLICATE_LABEL', path: [2, 'label'] },
    ]);
  });

  it('refuses a file with a duplicate, an upper-case code or an empty list, in Chinese', () => {
    const result = mediationReferenceFileSchema.safeParse({
      ...shippedReference,
      committeeKinds: [],
      mediatorBackgrounds: [
        { code: 'lawyer', label: '律师' },
        { code: 'lawyer', label: '律师（兼职）' },
      ],
      eventReportCategories: [{ code: 'Other', label: '其他' }],
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('调委会类型不能为空');
    expect(messages).toContain('调解员背景：代码“lawyer”重复');
    expect(messages.some((m) => m.startsWith('代码为小写字母开头'))).toBe(true);
  });

  it('falls back to the code for a label it does not know', () => {
    const entries = [{ code: 'lawyer', label: '律师' }];
    expect(referenceLabel(entries, 'lawyer')).toBe('律师');
    expect(referenceLabel(entries, 'notary')).toBe('notary');
  });
});
