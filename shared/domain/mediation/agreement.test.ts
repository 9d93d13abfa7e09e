import { describe, expect, it } from 'vitest';
import {
  type AgreementDraft,
  agreementCopies,
  agreementDraftSchema,
  missingAgreementFields,
} from './agreement';

const zhang = {
  kind: 'person',
  id: 'p1',
  role: 'applicant',
  name: '张三',
  gender: 'male',
  ethnicity: '汉族',
  birthDate: '1968-05-04',
  occupation: '农民',
  phone: '13800138000',
  address: '鹿城区五马街道解放街12号',
  idType: 'resident_id',
  idNumber: '330302196805041234',
} as const;
const factory = {
  kind: 'organisation',
  id: 'p2',
  role: 'respondent',
  name: '鹿城鞋厂',
  creditCode: '91330302MA2AB3CD4E',
  legalRepresentative: '李四',
} as const;

const written: AgreementDraft = {
  form: 'written',
  caseNumber: '（2026）鹿五马人调字第12号',
  parties: [zhang, factory],
  facts: '鞋厂排水管破裂，淹没张三家一楼。',
  disputedMatters: '赔偿数额。',
  responsibilities: { p1: '无', p2: '承担全部责任' },
  obligations: [
    {
      obligorPartyId: 'p2',
      content: '赔偿张三财产损失',
      amountFen: 1_200_000,
      method: '银行转账',
      place: '鹿城区五马街道人民调解委员会',
      deadline: '2026-03-31',
    },
  ],
  mediators: ['陈调解'],
  agreedOn: '2026-03-01',
};

const oral: AgreementDraft = {
  form: 'oral',
  parties: [
    { kind: 'person', id: 'p1', role: 'applicant', name: '张三' },
    { kind: 'person', id: 'p2', role: 'respondent', name: '王五' },
  ],
  responsibilities: {},
  obligations: [{ content: '王五当场拆除越界篱笆' }],
  mediators: ['陈调解'],
  agreedOn: '2026-03-01',
};

const withParty = (index: number, patch: Record<string, unknown>): AgreementDraft => ({
  ...written,
  parties: written.parties.map((party, i) =>
    i === index ? ({ ...party, ...patch } as AgreementDraft['parties'][number]) : party,
  ),
});
const withObligation = (patch: Record<string, unknown>): AgreementDraft => ({
  ...written,
  obligations: [{ ...written.obligations[0], ...patch }],
});

describe('missingAgreementFields, written (人民调解法 art. 29)', () => {
  it('accepts a complete agreement', () => {
    expect(missingAgreementFields(written)).toEqual([]);
  });

  it.each<[string, AgreementDraft, string, string]>([
    ['no number', { ...written, caseNumber: ' ' }, 'caseNumber', '协议编号'],
    [
      'one party only',
      {
        ...withObligation({ obligorPartyId: 'p1' }),
        parties: [zhang],
        responsibilities: { p1: '无' },
      },
      'parties',
      '当事人（至少两方）',
    ],
    ['ethnicity', withParty(0, { ethnicity: '' }), 'parties.0.ethnicity', '申请人张三：民族'],
    ['gender', withParty(0, { gender: null }), 'parties.0.gender', '申请人张三：性别'],
    [
      'age and birth date',
      withParty(0, { birthDate: null }),
      'parties.0.birthDate',
      '申请人张三：出生日期或年龄',
    ],
    [
      'occupation',
      withParty(0, { occupation: undefined }),
      'parties.0.occupation',
      '申请人张三：职业',
    ],
    ['contact', withParty(0, { phone: '' }), 'parties.0.phone', '申请人张三：联系方式'],
    ['address', withParty(0, { address: '' }), 'parties.0.address', '申请人张三：住址'],
    ['ID type', withParty(0, { idType: null }), 'parties.0.idType', '申请人张三：证件类型'],
    ['ID number', withParty(0, { idNumber: '' }), 'parties.0.idNumber', '申请人张三：证件号码'],
    ['a name', withParty(0, { name: '' }), 'parties.0.name', '申请人（第1位当事人）：姓名'],
    [
      'credit code',
      withParty(1, { creditCode: '' }),
      'parties.1.creditCode',
      '被申请人鹿城鞋厂：统一社会信用代码',
    ],
    [
      'legal representative',
      withParty(1, { legalRepresentative: '' }),
      'parties.1.legalRepresentative',
      '被申请人鹿城鞋厂：法定代表人（负责人）',
    ],
    ['facts', { ...written, facts: '' }, 'facts', '纠纷主要事实'],
    ['disputed matters', { ...written, disputedMatters: undefined }, 'disputedMatters', '争议事项'],
    [
      'a responsibility',
      { ...written, responsibilities: { p1: '无', p2: ' ' } },
      'responsibilities.p2',
      '被申请人鹿城鞋厂：应承担的责任',
    ],
    ['obligations', { ...written, obligations: [] }, 'obligations', '协议履行事项（至少一项）'],
    ['content', withObligation({ content: '' }), 'obligations.0.content', '第1项：履行内容'],
    [
      'obligor',
      withObligation({ obligorPartyId: null }),
      'obligations.0.obligorPartyId',
      '第1项：义务人',
    ],
    [
      'an obligor who is no party',
      withObligation({ obligorPartyId: 'p9' }),
      'obligations.0.obligorPartyId',
      '第1项：义务人',
    ],
    ['method', withObligation({ method: '' }), 'obligations.0.method', '第1项：履行方式'],
    ['place', withObligation({ place: '' }), 'obligations.0.place', '第1项：履行地点'],
    ['deadline', withObligation({ deadline: null }), 'obligations.0.deadline', '第1项：履行期限'],
    ['mediator', { ...written, mediators: [' '] }, 'mediators', '调解员'],
    ['date', { ...written, agreedOn: null }, 'agreedOn', '协议日期'],
  ])('missing %s', (_, draft, path, label) => {
    expect(missingAgreementFields(draft)).toEqual([{ path, label }]);
  });

  it('takes an age in place of a birth date, and needs no amount', () => {
    expect(missingAgreementFields(withParty(0, { birthDate: null, age: 57 }))).toEqual([]);
    expect(missingAgreementFields(withObligation({ amountFen: null }))).toEqual([]);
  });

  it('lists everything missing at once, numbering later obligations', () => {
    const draft = {
      ...written,
      facts: '',
      obligations: [written.obligations[0]!, { content: '赔礼道歉' }],
    };
    expect(missingAgreementFields(draft).map((m) => m.label)).toEqual([
      '纠纷主要事实',
      '第2项：义务人',
      '第2项：履行方式',
      '第2项：履行地点',
      '第2项：履行期限',
    ]);
  });
});

describe('missingAgreementFields, oral (art. 28)', () => {
  it('accepts names, what was agreed, the mediator and the date', () => {
    expect(missingAgreementFields(oral)).toEqual([]);
  });

  it.each<[string, AgreementDraft, string, string]>([
    [
      'a name',
      { ...oral, parties: [oral.parties[0]!, { ...oral.parties[1]!, name: '' }] },
      'parties.1.name',
      '被申请人（第2位当事人）：姓名或名称',
    ],
    [
      'what was agreed',
      { ...oral, obligations: [{ content: ' ' }] },
      'obligations.0.content',
      '第1项：履行内容',
    ],
    ['anything agreed', { ...oral, obligations: [] }, 'obligations', '协议履行事项（至少一项）'],
    ['the mediator', { ...oral, mediators: [] }, 'mediators', '调解员'],
    ['the date', { ...oral, agreedOn: undefined }, 'agreedOn', '协议日期'],
  ])('missing %s', (_, draft, path, label) => {
    expect(missingAgreementFields(draft)).toEqual([{ path, label }]);
  });
});

describe('agreementCopies', () => {
  it.each<[string, AgreementDraft, number]>([
    ['two parties', written, 3],
    [
      'three parties',
      {
        ...written,
        parties: [...written.parties, { ...zhang, id: 'p3', role: 'third_party' as const }],
      },
      4,
    ],
    ['an oral agreement', oral, 0],
  ])('%s → %d', (_, draft, copies) => {
    expect(agreementCopies(draft)).toBe(copies);
  });
});

describe('agreementDraftSchema', () => {
  it('parses an unfinished draft', () => {
    const draft = {
      form: 'written',
      parties: [],
      responsibilities: {},
      obligations: [],
      mediators: [],
    };
    expect(agreementDraftSchema.safeParse(draft).success).toBe(true);
  });

  it.each([
    ['a negative amount', withObligation({ amountFen: -1 })],
    ['an amount in yuan with decimals', withObligation({ amountFen: 12.5 })],
    ['an impossible deadline', withObligation({ deadline: '2026-02-30' })],
    ['an unknown party kind', withParty(0, { kind: 'robot' })],
    ['an unknown form', { ...written, form: 'email' }],
  ])('refuses %s', (_, draft) => {
    expect(agreementDraftSchema.safeParse(draft).success).toBe(false);
  });
});
