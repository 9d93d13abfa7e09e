import { describe, expect, it } from 'vitest';
import {
  type CaseNumberParts,
  deriveOrgAbbreviation,
  formatCaseNumber,
  includesTerminal,
  nextCaseNumber,
  nextSequence,
  orgAbbreviation,
  parseCaseNumber,
  registeringForNumber,
} from './case-number';

const parts = (
  sequence: number,
  terminalNumber: string | null = null,
  year = 2026,
  abbreviation = '鹿五马',
): CaseNumberParts => ({ year, orgAbbreviation: abbreviation, terminalNumber, sequence });

describe('formatCaseNumber', () => {
  it.each([
    [parts(12), '（2026）鹿五马人调字第12号'],
    [parts(12, '01'), '（2026）鹿五马人调字第01-12号'],
    [parts(1, '02', 2027, '鹿城'), '（2027）鹿城人调字第02-1号'],
    [parts(1234), '（2026）鹿五马人调字第1234号'],
    [parts(3, '乡01'), '（2026）鹿五马人调字第乡01-3号'],
    [parts(3, '县02'), '（2026）鹿五马人调字第县02-3号'],
  ] as const)('%o → %s', (input, expected) => {
    expect(formatCaseNumber(input)).toBe(expected);
    expect(parseCaseNumber(expected)).toEqual(input);
  });

  it.each([
    ['sequence 0', parts(0)],
    ['a one-digit terminal', parts(1, '1')],
    ['a terminal marked with something else than a level', parts(1, '东01')],
    ['an abbreviation with 人调', parts(1, null, 2026, '鹿人调')],
    ['an abbreviation with latin letters', parts(1, null, 2026, 'LC五马')],
  ] as const)('refuses %s', (_, input) => {
    expect(() => formatCaseNumber(input)).toThrow();
  });
});

describe('parseCaseNumber', () => {
  it.each([
    ['(2026)鹿五马人调字第12号', parts(12)],
    ['〔2026〕鹿五马人调字第12号', parts(12)],
    [' （2026）鹿五马人调字第02-7号 ', parts(7, '02')],
  ] as const)('reads %s', (text, expected) => {
    expect(parseCaseNumber(text)).toEqual(expected);
  });

  it.each([
    '（2026）鹿五马人调字第012号',
    '（2026）鹿五马人调字第0号',
    '（2026）鹿五马人调字第1-12号',
    '（26）鹿五马人调字第12号',
    '（2026）鹿五马人调字第12',
    '（2026）人调字第12号',
    '（2026）鹿五马民调字第12号',
    '2026鹿五马人调字第12号',
  ])('refuses %s', (text) => {
    expect(parseCaseNumber(text)).toBeNull();
  });
});

describe('includesTerminal', () => {
  it.each([
    ['01', 1, false],
    ['01', 2, true],
    ['02', 2, true],
    // Set up before it heard of terminal 01: still marks its numbers.
    ['02', 1, true],
  ] as const)('terminal %s of %d → %s', (terminal, count, expected) => {
    expect(includesTerminal(terminal, count)).toBe(expected);
  });
});

describe('nextSequence', () => {
  const issued = [parts(1), parts(2), parts(3, '01'), parts(5, '02'), parts(9, null, 2025)];
  it.each([
    [2026, '01', 4],
    [2026, '02', 6],
    [2026, '03', 1],
    [2025, '01', 10],
    [2027, '01', 1],
  ] as const)('%d terminal %s → %d', (year, terminal, expected) => {
    expect(nextSequence(issued, year, terminal)).toBe(expected);
  });
});

describe('nextCaseNumber', () => {
  const base = { orgAbbreviation: '鹿五马', terminalNumber: '01', terminalCount: 1 };
  it.each([
    [
      'the first of a one-terminal org',
      { ...base, today: '2026-03-01', issued: [] },
      '（2026）鹿五马人调字第1号',
    ],
    [
      'terminal 01 after a second terminal joined continues its own sequence',
      { ...base, terminalCount: 2, today: '2026-06-01', issued: [parts(12)] },
      '（2026）鹿五马人调字第01-13号',
    ],
    [
      'a new year starts at 1',
      { ...base, today: '2027-01-01', issued: [parts(12)] },
      '（2027）鹿五马人调字第1号',
    ],
    [
      'terminal 02 ignores terminal 01 numbers',
      { ...base, terminalNumber: '02', terminalCount: 2, today: '2026-06-01', issued: [parts(12)] },
      '（2026）鹿五马人调字第02-1号',
    ],
  ] as const)('%s', (_, input, expected) => {
    expect(formatCaseNumber(nextCaseNumber(input))).toBe(expected);
  });

  it('two terminals registering offline never produce the same number', () => {
    // Terminal 01 has not yet heard of terminal 02 and believes it is alone.
    const views = [
      { terminalNumber: '01', terminalCount: 1 },
      { terminalNumber: '02', terminalCount: 2 },
    ];
    const all: string[] = [];
    for (const view of views) {
      const issued: CaseNumberParts[] = [];
      for (let i = 0; i < 20; i++) {
        const next = nextCaseNumber({
          ...view,
          orgAbbreviation: '鹿五马',
          today: '2026-05-05',
          issued,
        });
        issued.push(next);
        all.push(formatCaseNumber(next));
      }
    }
    expect(new Set(all).size).toBe(40);
  });
});

describe('registeringForNumber', () => {
  it.each([
    ['township', '01', '乡01'],
    ['county', '03', '县03'],
    ['village', '01', '村01'],
  ] as const)("a %s's terminal %s writes %s for a unit below", (level, number, expected) => {
    expect(registeringForNumber(level, number)).toBe(expected);
    expect(includesTerminal(expected, 1)).toBe(true);
  });

  it("never meets the unit's own terminal 01 in one year's numbers", () => {
    const own = nextCaseNumber({
      today: '2026-05-05',
      orgAbbreviation: '鹿沙村',
      terminalNumber: '01',
      terminalCount: 2,
      issued: [],
    });
    const township = nextCaseNumber({
      today: '2026-05-05',
      orgAbbreviation: '鹿沙村',
      terminalNumber: registeringForNumber('township', '01'),
      terminalCount: 2,
      issued: [],
    });
    expect(formatCaseNumber(own)).toBe('（2026）鹿沙村人调字第01-1号');
    expect(formatCaseNumber(township)).toBe('（2026）鹿沙村人调字第乡01-1号');
  });
});

describe('deriveOrgAbbreviation', () => {
  it.each([
    ['鹿城区', '五马街道', '鹿五马'],
    ['鹿城区', '五马街道人民调解委员会', '鹿五马'],
    ['瑞安市', '塘下镇', '瑞塘下'],
    ['景宁畲族自治县', '鹤溪街道', '景鹤溪'],
    ['泰顺县', '司前畲族镇', '泰司前'],
    ['文成县', '西坑畲族镇调委会', '文西坑'],
    ['鹿城区', '驿头村村民委员会', '鹿驿头'],
    ['鹿城区', '五马社区居民委员会', '鹿五马'],
    ['鹿城区', '沙村村', '鹿沙村'],
    ['鹿城区', '镇', '鹿镇'],
    ['鹿城区', undefined, '鹿城'],
    ['永嘉县', undefined, '永嘉'],
  ] as const)('%s + %s → %s', (county, unit, expected) => {
    expect(deriveOrgAbbreviation(county, unit)).toBe(expected);
  });
});

describe('orgAbbreviation', () => {
  it.each([
    ['温鹿五', '温鹿五'],
    [' 五马 ', '五马'],
    ['  ', '鹿五马'],
    [null, '鹿五马'],
    [undefined, '鹿五马'],
  ] as const)('configured %o → %s', (configured, expected) => {
    expect(orgAbbreviation(configured, '鹿城区', '五马街道')).toBe(expected);
  });
});
