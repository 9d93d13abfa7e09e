import { describe, expect, it } from 'vitest';
import type { OrgLevel } from '../../api/roles';
import type { Outcome } from './vocabulary';
import {
  type OrgNode,
  type Ownership,
  escalate,
  resolutionLevel,
  shareByLevel,
} from './escalation';

const tree: OrgNode[] = [
  // The county row may carry its city as parent; the city is not in the tree and cannot be reached.
  { id: 'lucheng', level: 'county', parentId: 'wenzhou' },
  { id: 'wuma', level: 'township', parentId: 'lucheng' },
  { id: 'shanfu', level: 'township', parentId: 'lucheng' },
  { id: 'wuma-1', level: 'village', parentId: 'wuma' },
  { id: 'wuma-2', level: 'village', parentId: 'wuma' },
  { id: 'shanfu-1', level: 'village', parentId: 'shanfu' },
];
const atVillage: Ownership = { ownerOrgId: 'wuma-1', readerOrgIds: [] };
const atTownship: Ownership = { ownerOrgId: 'wuma', readerOrgIds: ['wuma-1'] };
const atCounty: Ownership = { ownerOrgId: 'lucheng', readerOrgIds: ['wuma-1', 'wuma'] };

describe('escalate', () => {
  it.each([
    ['village to its township', atVillage, 'wuma-1', 'wuma', atTownship],
    ['township to its county', atTownship, 'wuma', 'lucheng', atCounty],
    [
      'township that registered the case itself',
      { ownerOrgId: 'shanfu', readerOrgIds: [] },
      'shanfu',
      'lucheng',
      { ownerOrgId: 'lucheng', readerOrgIds: ['shanfu'] },
    ],
    [
      'an owner already listed as reader is not listed twice',
      { ownerOrgId: 'wuma', readerOrgIds: ['wuma-1', 'wuma'] },
      'wuma',
      'lucheng',
      atCounty,
    ],
  ] as const)('%s', (_, current, from, to, expected) => {
    expect(escalate(current, from, to, tree)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a county, to its city', atCounty, 'lucheng', 'wenzhou', 'ESCALATION_AT_TOP'],
    ['a county, to anything in the tree', atCounty, 'lucheng', 'wuma', 'ESCALATION_AT_TOP'],
    ['a village skipping its township', atVillage, 'wuma-1', 'lucheng', 'NOT_DIRECT_PARENT'],
    ['a village to another township', atVillage, 'wuma-1', 'shanfu', 'NOT_DIRECT_PARENT'],
    ['a village sideways to a village', atVillage, 'wuma-1', 'wuma-2', 'NOT_DIRECT_PARENT'],
    ['a township downwards', atTownship, 'wuma', 'wuma-1', 'NOT_DIRECT_PARENT'],
    ['a township to itself', atTownship, 'wuma', 'wuma', 'NOT_DIRECT_PARENT'],
    ['a village that no longer owns the case', atTownship, 'wuma-1', 'wuma', 'NOT_OWNER'],
    ['another village', atVillage, 'shanfu-1', 'shanfu', 'NOT_OWNER'],
    ['an org missing from the tree', atVillage, 'nowhere', 'wuma', 'UNKNOWN_ORG'],
    ['to an org missing from the tree', atVillage, 'wuma-1', 'nowhere', 'UNKNOWN_ORG'],
  ] as const)('refuses %s', (_, current, from, to, code) => {
    const result = escalate(current, from, to, tree);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(/\p{Script=Han}/u);
  });

  it('says where a village may escalate to', () => {
    const result = escalate(atVillage, 'wuma-1', 'lucheng', tree);
    expect(result.ok || result.error.message).toBe('只能上交给本单位所属的乡镇（街道）');
  });

  it('leaves the case it was given untouched', () => {
    const current: Ownership = { ownerOrgId: 'wuma', readerOrgIds: ['wuma-1'] };
    escalate(current, 'wuma', 'lucheng', tree);
    expect(current).toEqual({ ownerOrgId: 'wuma', readerOrgIds: ['wuma-1'] });
  });
});

describe('resolutionLevel', () => {
  it.each([
    ['village', 'succeeded', 'village'],
    ['township', 'succeeded', 'township'],
    ['county', 'succeeded', 'county'],
    ['village', 'failed', null],
    ['township', 'terminated', null],
    ['county', null, null],
  ] as const)('owned by %s, outcome %s → %s', (ownerLevel, outcome, expected) => {
    expect(resolutionLevel({ ownerLevel, outcome })).toBe(expected);
  });
});

function cases(village: number, township: number, county: number, unresolved = 0) {
  const make = (ownerLevel: OrgLevel, n: number, outcome: Outcome | null) =>
    Array.from({ length: n }, () => ({ ownerLevel, outcome }));
  return [
    ...make('village', village, 'succeeded'),
    ...make('township', township, 'succeeded'),
    ...make('county', county, 'succeeded'),
    ...make('village', unresolved, 'failed'),
  ];
}

describe('shareByLevel', () => {
  it.each([
    [cases(7, 2, 1), [70, 20, 10]],
    [cases(7, 2, 1, 5), [70, 20, 10]],
    [cases(1, 1, 1), [33.3, 33.3, 33.4]],
    [cases(2, 1, 0), [66.7, 33.3, 0]],
    [cases(1, 0, 0), [100, 0, 0]],
    [cases(0, 0, 0, 3), [0, 0, 0]],
    [[], [0, 0, 0]],
  ])('%# → village/township/county %o', (input, [village, township, county]) => {
    const { byLevel } = shareByLevel(input);
    expect([byLevel.village.percent, byLevel.township.percent, byLevel.county.percent]).toEqual([
      village,
      township,
      county,
    ]);
  });

  it('counts resolved cases only, each at its level', () => {
    expect(shareByLevel(cases(5, 3, 1, 4))).toMatchObject({
      resolved: 9,
      byLevel: { village: { count: 5 }, township: { count: 3 }, county: { count: 1 } },
    });
  });

  it('percentages always add up to exactly 100.0', () => {
    for (let v = 0; v <= 12; v++) {
      for (let t = 0; t <= 12; t++) {
        for (let c = 0; c <= 12; c++) {
          if (v + t + c === 0) continue;
          const { byLevel } = shareByLevel(cases(v, t, c));
          const tenths = [byLevel.village, byLevel.township, byLevel.county].reduce(
            (sum, share) => sum + Math.round(share.percent * 10),
            0,
          );
          expect(tenths).toBe(1000);
        }
      }
    }
  });
});
