import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { contract, type DisputePartyInput, type MethodInput, type MethodName } from '@shared/api';
import { COMPLETE, ensureItem, PENSION } from '../testing/township';
import { committeesFileTest as test } from '../testing/mediation-township';
import { idNumber, neighbourDispute, person } from '@shared/testing/people';
import { leaves, rebuilds, type Secret } from './leaks';
import { outputKeys } from './output-fields';

/*
 * Issue 11 item 1: nothing shown without a reveal may rebuild a masked value. Every list, detail,
 * export and print-data method is called as each role on one seeded township, and each answer
 * (an error's message too, an Excel file's cells too) is walked whole: a field added later that
 * carries a birth date beside a mask, or a number unmasked, fails here without being named.
 */

const tokens = new Map<string, string>();
const ids = { r1: '', r2: '', r3: '', caseId: '', disputeId: '', sessionId: '' };

const R1: Secret = {
  label: '城东社区的居民',
  docType: 'resident_id',
  docNumber: idNumber('33032419530917271'),
  birthDate: '1953-09-17',
  phone: '13997318842',
};
const R2: Secret = {
  label: '望江社区的居民',
  docType: 'resident_id',
  docNumber: idNumber('33032419510426282'),
  birthDate: '1951-04-26',
  phone: '15836925714',
};
const R3: Secret = {
  label: '无所属村的居民',
  docType: 'resident_id',
  docNumber: idNumber('33032419581203293'),
  birthDate: '1958-12-03',
  phone: '18620473391',
};
const PARTY: Secret = {
  label: '未建档的当事人',
  docType: 'resident_id',
  docNumber: idNumber('33032419490715304'),
  birthDate: '1949-07-15',
  phone: '13766154420',
};
const PARTY_AGENT: Secret = { ...PARTY, label: '当事人的代理人', phone: '13577209936' };
const SECRETS = [R1, R2, R3, PARTY, PARTY_AGENT];

/** Answers that carry the whole value on purpose: the audited reveals and the printed agreement. */
const WHOLE_BY_DESIGN: ReadonlySet<MethodName> = new Set([
  'residents.reveal',
  'mediation.revealParty',
  'mediation.printAgreement',
]);

/**
 * Writes whose answer is built by the same function as a read called below (so the read's check
 * covers them), and outputs whose masked phone is no resident's.
 */
const COVERED_BY: Partial<Record<MethodName, MethodName | string>> = {
  'residents.create': 'residents.get',
  'residents.update': 'residents.get',
  'mediation.register': 'mediation.get',
  'mediation.extendDeadline': 'mediation.get',
  'mediators.list': '调解员的工作电话，旁边没有可还原它的信息',
  'mediators.create': '调解员的工作电话',
  'mediators.update': '调解员的工作电话',
  'mediators.setActive': '调解员的工作电话',
  'mediation.suggestMediators': '调解员的工作电话',
  'settings.get': '中心对外公布的咨询电话',
  'settings.update': '中心对外公布的咨询电话',
};
for (const name of Object.keys(contract) as MethodName[]) {
  if (name.startsWith('cases.') && contract[name].output === contract['cases.get'].output) {
    COVERED_BY[name] ??= 'cases.get';
  }
  if (name.startsWith('mediation.') && contract[name].output === contract['mediation.get'].output) {
    COVERED_BY[name] ??= 'mediation.get';
  }
}

type PersonParty = Extract<DisputePartyInput, { kind: 'person' }>;

type Call = { [M in MethodName]: [M, () => MethodInput<M>] }[MethodName];

/** The reads, with inputs from the seeded records; each is called as every role. */
const READS: Call[] = [
  ['residents.search', () => ({ query: '' })],
  ['residents.search', () => ({ query: '钱阿公' })],
  ['residents.search', () => ({ query: R1.phone! })],
  ['residents.search', () => ({ query: R1.docNumber })],
  ['residents.search', () => ({ query: R1.docNumber.slice(0, 6) })],
  ['residents.findByDocument', () => ({ docType: 'resident_id', docNumber: R1.docNumber })],
  ['residents.findByDocument', () => ({ docType: 'resident_id', docNumber: R3.docNumber })],
  ['residents.get', () => ({ residentId: ids.r1 })],
  ['residents.get', () => ({ residentId: ids.r2 })],
  // The look-alike warning: same name, birth date and village as 钱阿公, another sequence.
  [
    'residents.create',
    () => ({
      docType: 'resident_id',
      docNumber: idNumber('33032419530917313'),
      name: '钱阿公',
      phone: null,
      address: null,
      villageOrgId: null,
    }),
  ],
  ['cases.list', () => ({})],
  ['cases.list', () => ({ query: '钱阿公' })],
  ['cases.get', () => ({ caseId: ids.caseId })],
  ['cases.ofResident', () => ({ residentId: ids.r1 })],
  ['cases.dashboard', () => ({})],
  ['cases.exportExcel', () => ({})],
  ['mediation.list', () => ({})],
  ['mediation.get', () => ({ disputeId: ids.disputeId })],
  ['mediation.ofResident', () => ({ residentId: ids.r1 })],
  ['mediation.dashboard', () => ({})],
  ['mediation.riskFlags', () => ({})],
  ['mediation.printNotice', () => ({ disputeId: ids.disputeId })],
  ['mediation.printSessionRecord', () => ({ sessionId: ids.sessionId })],
  ['audit.list', () => ({ page: 1, pageSize: 200 })],
  ['eventReports.list', () => ({})],
];

const ROLES = ['admin', 'clerk', 'supervisor', 'auditor', 'agentA', 'mediatorA', 'auditorB'];

test.beforeAll(async ({ harness: h, township: c }) => {
  tokens.set('admin', c.admin);
  const staff = [
    ['clerk', 'clerk', c.townshipId],
    ['supervisor', 'supervisor', c.townshipId],
    ['auditor', 'auditor', c.townshipId],
    ['agentA', 'agent', c.villageAId],
    ['mediatorA', 'mediator', c.villageAId],
    ['auditorB', 'auditor', c.villageBId],
  ] as const;
  for (const [name, role, unit] of staff) tokens.set(name, (await c.staff(name, role, unit)).token);
  const resident = async (secret: Secret, name: string, villageOrgId: string | null) =>
    (
      await h.ok(
        'residents.create',
        {
          docType: secret.docType,
          docNumber: secret.docNumber,
          name,
          phone: secret.phone,
          address: '永嘉县东城街道',
          villageOrgId,
        },
        c.admin,
      )
    ).id;
  ids.r1 = await resident(R1, '钱阿公', c.villageAId);
  ids.r2 = await resident(R2, '孙阿婆', c.villageBId);
  ids.r3 = await resident(R3, '周外来', null);
  const itemId = await ensureItem(h, PENSION);
  const clerk = tokens.get('clerk')!;
  const intake = { residentId: ids.r1, itemId, materials: COMPLETE, outcome: 'complete' } as const;
  ids.caseId = (await h.ok('cases.intake', intake, clerk)).id;
  await h.ok(
    'cases.agencyIntake',
    {
      residentId: ids.r1,
      itemId,
      materials: [0, 1, 2, 3, 4, 5].map((position) => ({ position, status: 'received' })),
      attorneyDate: '2026-11-26',
      reason: '申请人年老行动不便',
    },
    tokens.get('agentA')!,
  );
  const mediator = tokens.get('mediatorA')!;
  const { dispute } = await h.ok(
    'mediation.register',
    neighbourDispute([
      { ...(person('钱阿公', R1.docNumber) as PersonParty), residentId: ids.r1, phone: null },
      {
        ...person('吴某', PARTY.docNumber, 'respondent'),
        phone: PARTY.phone,
        agentName: '吴小弟',
        agentPhone: PARTY_AGENT.phone,
        attorneyDate: '2026-11-26',
      },
    ]),
    mediator,
  );
  ids.disputeId = dispute.id;
  const lead = await h.ok(
    'mediators.create',
    {
      name: '陈秀英',
      committeeKind: 'village',
      background: 'village_cadre',
      specialties: ['neighbour'],
      orgUnitId: c.villageAId,
    },
    tokens.get('supervisor')!,
  );
  const [first, second] = dispute.parties;
  const session = await h.ok(
    'mediation.recordSession',
    {
      disputeId: dispute.id,
      heldOn: '2026-11-27',
      place: '城东社区调解室',
      mediatorIds: [lead.id],
      recorderName: '王记录',
      attendees: ['钱阿公', '吴某'],
      statements: [
        { partyId: first!.id, text: '排水管对着我家院子。' },
        { partyId: second!.id, text: '一直没问题。' },
      ],
      agreed: false,
      result: '约定三日后再调',
    },
    mediator,
  );
  ids.sessionId = session.sessions[0]!.id;
}, 180_000);

/** The answer's texts: its JSON leaves, an error's message, and an Excel file's cells. */
async function textsOf(result: unknown): Promise<string[]> {
  const texts = leaves(result);
  const value = (result as { ok: boolean; value?: { base64?: unknown } }).value;
  if (value && typeof value.base64 === 'string') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(value.base64, 'base64') as unknown as ArrayBuffer);
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text))),
    );
  }
  return texts;
}

describe('no answer rebuilds a masked value', { timeout: 180_000 }, () => {
  test('every method whose answer can carry personal data is called here or covered', () => {
    const personal = /masked$|^idNumber$|^docNumber$|phone$|birthDate/i;
    const called = new Set<string>(READS.map(([name]) => name));
    const missing = (Object.keys(contract) as MethodName[]).filter(
      (name) =>
        [...outputKeys(contract[name].output)].some((key) => personal.test(key)) &&
        !called.has(name) &&
        !WHOLE_BY_DESIGN.has(name) &&
        COVERED_BY[name] === undefined,
    );
    expect(missing).toEqual([]);
  });

  test('as every role, in lists, details, exports, print data and error messages', async ({
    harness: h,
  }) => {
    const problems: string[] = [];
    const served = new Set<string>();
    for (const [method, input] of READS) {
      for (const role of ROLES) {
        const result = await h.call(method, input() as never, tokens.get(role)!);
        if (result.ok) served.add(method);
        const texts = await textsOf(result);
        for (const secret of SECRETS) {
          for (const found of rebuilds(texts, secret))
            problems.push(`${method}（${role}）${found}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Each read answered someone: a call that every role got refused checks nothing.
    expect([...new Set(READS.map(([name]) => name))].filter((name) => !served.has(name))).toEqual(
      [],
    );
  });

  test('the printed agreement and the reveal still carry the whole number with the birth date', async ({
    harness: h,
  }) => {
    const revealed = await h.ok(
      'residents.reveal',
      { residentId: ids.r1, field: 'docNumber' },
      tokens.get('clerk')!,
    );
    expect(revealed).toEqual({ value: R1.docNumber, birthDate: R1.birthDate });
  });
});
