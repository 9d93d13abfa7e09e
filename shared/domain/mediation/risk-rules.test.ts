import { describe, expect, it } from 'vitest';
import {
  type PastDispute,
  type RiskCase,
  type RiskThresholds,
  amountRule,
  evaluateRisk,
  majorRiskRule,
  peopleRule,
  renewedConflictRule,
  repeatAddressRule,
  repeatPartyRule,
} from './risk-rules';

const zhang = { name: '张三', personId: 'r-zhang' };
const li = { name: '李四', personId: 'r-li' };
const wang = { name: '王五', personId: 'r-wang' };
const factory = { name: '鹿城鞋厂', creditCode: '91330302MA2AB3CD4E' };
const unidentified = { name: '某租客' };

const subject: RiskCase = {
  id: 'now',
  registeredOn: '2026-03-15',
  address: '五马街道解放街12号',
  parties: [zhang, li],
  riskLevel: 'general',
  amountFen: null,
  peopleInvolved: 2,
  followUps: [],
};
const past = (
  id: string,
  registeredOn: string,
  parties: PastDispute['parties'],
  address: string | null = null,
): PastDispute => ({ id, registeredOn, parties, address });
const noThresholds: RiskThresholds = { amountFen: null, people: null };

describe('repeatPartyRule: 12-month window ending today, both ends included', () => {
  it.each([
    ['a year ago to the day', [past('a', '2025-03-15', [zhang])], ['a']],
    ['a year and a day ago', [past('a', '2025-03-14', [zhang])], []],
    ['today', [past('a', '2026-03-15', [li])], ['a']],
    ['a date after today', [past('a', '2026-03-16', [zhang])], []],
    ['the case itself', [past('now', '2026-03-15', [zhang])], []],
    ['someone else', [past('a', '2026-01-01', [wang])], []],
    ['with a different opponent', [past('a', '2026-01-01', [zhang, wang])], ['a']],
    [
      'two earlier disputes',
      [past('a', '2025-06-01', [zhang]), past('b', '2025-12-01', [li])],
      ['a', 'b'],
    ],
  ] as const)('%s', (_, history, related) => {
    const fired = repeatPartyRule(subject, history, '2026-03-15');
    expect(fired?.relatedCaseIds ?? []).toEqual(related);
  });

  it.each([
    ['2028-02-29', '2027-02-28', true],
    ['2028-02-29', '2027-02-27', false],
    ['2029-02-28', '2028-02-28', true],
    ['2029-02-28', '2028-02-27', false],
    ['2026-12-31', '2026-01-01', true],
    ['2027-01-01', '2025-12-31', false],
  ] as const)('today %s, earlier dispute on %s → fires: %s', (today, registeredOn, fires) => {
    const fired = repeatPartyRule(subject, [past('a', registeredOn, [zhang])], today);
    expect(fired !== null).toBe(fires);
  });

  it('matches an organisation by credit code regardless of case and blanks', () => {
    const withFactory = { ...subject, parties: [zhang, factory] };
    const history = [
      past('a', '2026-02-01', [{ name: '鞋厂', creditCode: ' 91330302ma2ab3cd4e ' }]),
    ];
    expect(repeatPartyRule(withFactory, history, '2026-03-15')?.relatedCaseIds).toEqual(['a']);
  });

  it('never matches a party without a resident id or credit code', () => {
    const withStranger = { ...subject, parties: [unidentified] };
    expect(
      repeatPartyRule(withStranger, [past('a', '2026-02-01', [unidentified])], '2026-03-15'),
    ).toBeNull();
  });

  it('names each repeating party with the count including this case', () => {
    const history = [past('a', '2025-06-01', [zhang]), past('b', '2025-12-01', [zhang, li])];
    expect(repeatPartyRule(subject, history, '2026-03-15')?.description).toBe(
      '当事人张三近12个月内涉及3起纠纷（含本案）；当事人李四近12个月内涉及2起纠纷（含本案）',
    );
  });
});

describe('repeatAddressRule', () => {
  it.each([
    ['the same address', '五马街道解放街12号', true],
    ['full-width digits and blanks', '五马街道 解放街１２号', true],
    ['another number', '五马街道解放街14号', false],
    ['no address', null, false],
  ] as const)('%s → fires: %s', (_, address, fires) => {
    const fired = repeatAddressRule(
      subject,
      [past('a', '2025-09-01', [wang], address)],
      '2026-03-15',
    );
    expect(fired !== null).toBe(fires);
  });

  it('is silent out of the window and for a case without address', () => {
    const old = [past('a', '2025-03-14', [wang], subject.address)];
    expect(repeatAddressRule(subject, old, '2026-03-15')).toBeNull();
    expect(
      repeatAddressRule(
        { ...subject, address: '  ' },
        [past('a', '2026-01-01', [wang], '  ')],
        '2026-03-15',
      ),
    ).toBeNull();
  });

  it('describes the address and the count', () => {
    const fired = repeatAddressRule(
      subject,
      [past('a', '2025-09-01', [wang], subject.address)],
      '2026-03-15',
    );
    expect(fired?.description).toBe('地址“五马街道解放街12号”近12个月内发生2起纠纷（含本案）');
  });
});

describe('majorRiskRule', () => {
  it.each([
    ['general', false],
    ['serious', false],
    ['major', true],
  ] as const)('%s → fires: %s', (riskLevel, fires) => {
    expect(majorRiskRule({ ...subject, riskLevel }) !== null).toBe(fires);
  });
});

describe("amountRule and peopleRule: at or above the supervisor's threshold", () => {
  it.each([
    [999_999, 1_000_000, null],
    [1_000_000, 1_000_000, '涉及金额10000元，达到预警线10000元'],
    [1_234_567, 1_000_000, '涉及金额12345.67元，达到预警线10000元'],
    [null, 1_000_000, null],
    [5_000_000, null, null],
  ] as const)('amount %s fen, threshold %s → %s', (amountFen, limit, description) => {
    const fired = amountRule({ ...subject, amountFen }, { amountFen: limit, people: null });
    expect(fired?.description ?? null).toBe(description);
  });

  it.each([
    [4, 5, null],
    [5, 5, '涉及人数5人，达到预警线5人'],
    [30, 5, '涉及人数30人，达到预警线5人'],
    [null, 5, null],
    [30, null, null],
  ] as const)('%s people, threshold %s → %s', (peopleInvolved, limit, description) => {
    const fired = peopleRule({ ...subject, peopleInvolved }, { amountFen: null, people: limit });
    expect(fired?.description ?? null).toBe(description);
  });
});

describe('renewedConflictRule: the latest follow-up decides', () => {
  it.each([
    ['no follow-up', [], null],
    ['a calm visit', [{ visitedOn: '2026-04-01', renewedConflict: false }], null],
    [
      'conflict found',
      [{ visitedOn: '2026-04-01', renewedConflict: true }],
      '2026-04-01回访发现矛盾出现反复',
    ],
    [
      'conflict, then calm',
      [
        { visitedOn: '2026-04-01', renewedConflict: true },
        { visitedOn: '2026-05-01', renewedConflict: false },
      ],
      null,
    ],
    [
      'calm, then conflict, listed out of order',
      [
        { visitedOn: '2026-05-01', renewedConflict: true },
        { visitedOn: '2026-04-01', renewedConflict: false },
      ],
      '2026-05-01回访发现矛盾出现反复',
    ],
  ] as const)('%s → %s', (_, followUps, description) => {
    expect(renewedConflictRule({ ...subject, followUps })?.description ?? null).toBe(description);
  });
});

describe('evaluateRisk', () => {
  it('returns nothing for an ordinary first dispute', () => {
    expect(evaluateRisk(subject, [], noThresholds, '2026-03-15')).toEqual([]);
  });

  it('returns every fired rule, in a fixed order', () => {
    const risky: RiskCase = {
      ...subject,
      riskLevel: 'major',
      amountFen: 50_000_000,
      peopleInvolved: 40,
      followUps: [{ visitedOn: '2026-03-10', renewedConflict: true }],
    };
    const history = [past('a', '2026-01-05', [zhang], subject.address)];
    const fired = evaluateRisk(risky, history, { amountFen: 10_000_000, people: 10 }, '2026-03-15');
    expect(fired.map((rule) => rule.rule)).toEqual([
      'repeat_party',
      'repeat_address',
      'major_risk',
      'amount',
      'people',
      'renewed_conflict',
    ]);
  });
});
