import { describe, expect, it } from 'vitest';
import type { SyncRecordTable } from '@shared/sync/records-contract';
import {
  namedAccess,
  nextVisibility,
  residentsNamed,
  rootOf,
  type Access,
  type Columns,
  type RootTable,
} from './routing';

const V = 'village';
const T = 'township';
const C = 'county';

describe('the root a record travels with', () => {
  const cases: [string, SyncRecordTable, Columns, string | null][] = [
    ['a case is its own root', 'cases', {}, 'cases/rec'],
    ['a material goes with its case', 'case_materials', { case_id: 'c1' }, 'cases/c1'],
    ['a rating follow-up goes with its case', 'rating_followups', { case_id: 'c1' }, 'cases/c1'],
    [
      'a dispute reader goes with its dispute',
      'dispute_readers',
      { dispute_id: 'd1' },
      'disputes/d1',
    ],
    ['a case attachment goes with its case', 'attachments', { case_id: 'c1' }, 'cases/c1'],
    [
      'an event report attachment goes with the report',
      'attachments',
      { case_id: null, event_report_id: 'e1' },
      'event_reports/e1',
    ],
    ['an attachment naming neither has no root', 'attachments', { case_id: null }, null],
    ['a material without its case id has no root', 'case_materials', {}, null],
  ];
  it.each(cases)('%s', (_title, table, columns, expected) => {
    const root = rootOf(table, 'rec', columns);
    expect(root ? `${root.rootTable}/${root.rootId}` : null).toBe(expected);
  });
});

describe('the units a root names', () => {
  const cases: [string, RootTable, Columns, string[], Record<string, Access>][] = [
    ['a counter case: its township', 'cases', { org_unit_id: T }, [], { [T]: 'owner' }],
    [
      'a village’s agency case before the hand-over: the village',
      'cases',
      { org_unit_id: V, agency_org_id: V },
      [],
      { [V]: 'owner' },
    ],
    [
      'after the hand-over: the township owns it, the village keeps reading it',
      'cases',
      { org_unit_id: T, agency_org_id: V },
      [],
      { [T]: 'owner', [V]: 'reader' },
    ],
    [
      'an escalated dispute: the new owner, and the readers it names',
      'disputes',
      { org_unit_id: C },
      [V, T],
      { [C]: 'owner', [V]: 'reader', [T]: 'reader' },
    ],
    [
      'an event report: the reporting unit and its addressee',
      'event_reports',
      { org_unit_id: V, receiving_org_id: T },
      [],
      { [V]: 'owner', [T]: 'addressee' },
    ],
    ['a resident: its owner', 'residents', { org_unit_id: V }, [], { [V]: 'owner' }],
  ];
  it.each(cases)('%s', (_title, table, columns, readers, expected) => {
    expect(Object.fromEntries(namedAccess(table, columns, readers))).toEqual(expected);
  });

  /** 城东社区 under 东城街道 under the county centre; 北城街道 beside it. */
  const tree = new Map<string, string | null>([
    [C, null],
    [T, C],
    [V, T],
    ['north', C],
  ]);

  it.each([
    ['a case', 'cases', { [V]: 'owner', [T]: 'reader', [C]: 'reader' }],
    ['a dispute', 'disputes', { [V]: 'owner', [T]: 'reader', [C]: 'reader' }],
    ['an event report', 'event_reports', { [V]: 'owner', [T]: 'reader', [C]: 'reader' }],
    ['not a resident alone', 'residents', { [V]: 'owner' }],
  ] as [string, RootTable, Record<string, Access>][])(
    'the township and the county centre read %s of a village below them',
    (_title, table, expected) => {
      expect(Object.fromEntries(namedAccess(table, { org_unit_id: V }, [], tree))).toEqual(
        expected,
      );
    },
  );

  it.each([
    [
      'a handed-over case: the owner stays the owner, the filing village a reader',
      'cases',
      { org_unit_id: T, agency_org_id: V },
      [],
      { [T]: 'owner', [V]: 'reader', [C]: 'reader' },
    ],
    [
      'the county centre’s own dispute: it stays the owner',
      'disputes',
      { org_unit_id: C },
      [V, T],
      { [C]: 'owner', [V]: 'reader', [T]: 'reader' },
    ],
    [
      'a report a village sends to another township: both townships above read it',
      'event_reports',
      { org_unit_id: V, receiving_org_id: 'north' },
      [],
      { [V]: 'owner', north: 'addressee', [T]: 'reader', [C]: 'reader' },
    ],
    [
      'a unit outside the tree: only what the record names',
      'cases',
      { org_unit_id: 'elsewhere' },
      [],
      { elsewhere: 'owner' },
    ],
  ] as [string, RootTable, Columns, string[], Record<string, Access>][])(
    '%s',
    (_title, table, columns, readers, expected) => {
      expect(Object.fromEntries(namedAccess(table, columns, readers, tree))).toEqual(expected);
    },
  );

  it('a township beside the village’s reads nothing of it', () => {
    expect(namedAccess('cases', { org_unit_id: V }, [], tree).has('north')).toBe(false);
  });
});

describe('a root’s visibility after a change', () => {
  const map = (o: Record<string, Access>) => new Map(Object.entries(o));
  const cases: [
    string,
    Record<string, Access>,
    Record<string, Access> | null,
    string[],
    Record<string, Access>,
    string[],
  ][] = [
    ['a new root: everyone it names is added', {}, { [V]: 'owner' }, [], { [V]: 'owner' }, [V]],
    [
      'a hand-over: the township is added as owner, the village stays as reader',
      { [V]: 'owner' },
      { [T]: 'owner', [V]: 'reader' },
      [],
      { [T]: 'owner', [V]: 'reader' },
      [T],
    ],
    [
      'a former owner the record no longer names keeps reading',
      { [V]: 'owner' },
      { [T]: 'owner' },
      [],
      { [T]: 'owner', [V]: 'reader' },
      [T],
    ],
    [
      'a root not read this time keeps what it had, with new readers',
      { [V]: 'owner' },
      null,
      [T],
      { [V]: 'owner', [T]: 'reader' },
      [T],
    ],
    [
      'a reader that already sees it is not added again',
      { [V]: 'owner', [T]: 'reader' },
      null,
      [T],
      { [V]: 'owner', [T]: 'reader' },
      [],
    ],
  ];
  it.each(cases)('%s', (_title, previous, named, readers, next, added) => {
    const change = nextVisibility(map(previous), named && map(named), readers);
    expect(Object.fromEntries(change.next)).toEqual(next);
    expect(change.added).toEqual(added);
    expect(Object.fromEntries(change.changed)).toEqual(
      Object.fromEntries(Object.entries(next).filter(([unit, a]) => previous[unit] !== a)),
    );
  });
});

describe('the residents a case or dispute names', () => {
  it.each([
    ['a case: its applicant', 'cases', { resident_id: 'r1' }, [], ['r1']],
    [
      'a dispute: its parties that are residents',
      'disputes',
      {},
      ['r1', null, 'r2', 'r1'],
      ['r1', 'r2'],
    ],
    ['an event report: none', 'event_reports', { resident_id: 'r1' }, [], []],
  ] as [string, RootTable, Columns, (string | null)[], string[]][])(
    '%s',
    (_title, table, columns, parties, expected) => {
      expect(residentsNamed(table, columns, parties)).toEqual(expected);
    },
  );
});
