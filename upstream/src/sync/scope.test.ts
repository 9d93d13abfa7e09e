import { describe, expect, it } from 'vitest';
import type { SyncRecordTable } from '@shared/sync/records-contract';
import { authorise, type ScopeCheck } from './scope';

const V = 'village';
const T = 'township';
const N = 'north';

type Row = { orgUnitId: string; columns: Record<string, string | number | null> } | null;
const row = (orgUnitId: string, columns: Record<string, string | null> = {}): Row => ({
  orgUnitId,
  columns: { org_unit_id: orgUnitId, ...columns },
});

/** [title, terminal unit, table, op, columns, current, root, root owner before the tx, expected] */
const cases: [
  string,
  string,
  SyncRecordTable,
  'insert' | 'update' | 'delete',
  Record<string, string | null>,
  Row,
  Row,
  string | null,
  string | null,
][] = [
  ['a new case of its own unit', V, 'cases', 'insert', { org_unit_id: V }, null, null, null, null],
  [
    'a new case in another unit’s name',
    V,
    'cases',
    'insert',
    { org_unit_id: T },
    null,
    null,
    null,
    'OUT_OF_SCOPE',
  ],
  [
    'an update of a record the hub lacks',
    V,
    'cases',
    'update',
    {},
    null,
    null,
    null,
    'UNKNOWN_RECORD',
  ],
  ['an update of its own case', V, 'cases', 'update', { state: 'x' }, row(V), row(V), V, null],
  [
    'an update of another unit’s case',
    N,
    'cases',
    'update',
    { state: 'x' },
    row(T),
    row(T),
    T,
    'OUT_OF_SCOPE',
  ],
  ['a hand-over to its parent', V, 'cases', 'update', { org_unit_id: T }, row(V), row(V), V, null],
  [
    'a hand-over to a unit that is not its parent',
    V,
    'cases',
    'update',
    { org_unit_id: N },
    row(V),
    row(V),
    V,
    'OUT_OF_SCOPE',
  ],
  [
    'an escalation of a dispute to its parent',
    V,
    'disputes',
    'update',
    { org_unit_id: T },
    row(V),
    row(V),
    V,
    null,
  ],
  [
    'an event report moved to another unit',
    V,
    'event_reports',
    'update',
    { org_unit_id: T },
    row(V),
    row(V),
    V,
    'OUT_OF_SCOPE',
  ],
  [
    'a resident moved to the parent',
    V,
    'residents',
    'update',
    { org_unit_id: T },
    row(V),
    row(V),
    V,
    'OUT_OF_SCOPE',
  ],
  [
    'the hand-over’s timeline event, written in the township’s name after the case moved',
    V,
    'case_events',
    'insert',
    { org_unit_id: T, case_id: 'c' },
    null,
    row(T),
    V,
    null,
  ],
  [
    'a material added to a case handed over before this transaction',
    V,
    'case_materials',
    'insert',
    { org_unit_id: V, case_id: 'c' },
    null,
    row(T),
    T,
    'OUT_OF_SCOPE',
  ],
  [
    'a material of a case the hub lacks',
    V,
    'case_materials',
    'insert',
    { org_unit_id: V, case_id: 'c' },
    null,
    null,
    null,
    'UNKNOWN_RECORD',
  ],
  [
    'a material naming a third unit',
    T,
    'case_materials',
    'insert',
    { org_unit_id: N, case_id: 'c' },
    null,
    row(T),
    T,
    'OUT_OF_SCOPE',
  ],
  [
    'the addressee acknowledges an event report',
    T,
    'event_reports',
    'update',
    {
      acknowledged_at: '2026-12-07T01:00:00Z',
      acknowledged_by: 'u',
      updated_at: 'x',
      version: 'v',
    },
    row(V, { receiving_org_id: T, title: '村道塌方' }),
    row(V, { receiving_org_id: T, title: '村道塌方' }),
    V,
    null,
  ],
  [
    'the addressee sends the whole row back unchanged with its acknowledgement',
    T,
    'event_reports',
    'update',
    { acknowledged_at: '2026-12-07T01:00:00Z', title: '村道塌方', org_unit_id: V },
    row(V, { receiving_org_id: T, title: '村道塌方' }),
    row(V, { receiving_org_id: T, title: '村道塌方' }),
    V,
    null,
  ],
  [
    'the addressee changes what the report says',
    T,
    'event_reports',
    'update',
    { acknowledged_at: '2026-12-07T01:00:00Z', title: '已处理' },
    row(V, { receiving_org_id: T, title: '村道塌方' }),
    row(V, { receiving_org_id: T, title: '村道塌方' }),
    V,
    'OUT_OF_SCOPE',
  ],
  [
    'another unit acknowledges it',
    N,
    'event_reports',
    'update',
    { acknowledged_at: '2026-12-07T01:00:00Z' },
    row(V, { receiving_org_id: T }),
    row(V, { receiving_org_id: T }),
    V,
    'OUT_OF_SCOPE',
  ],
];

/** A township's window acts for its villages as its screens let it, but not for another's. */
const townshipFor: [
  string,
  SyncRecordTable,
  'insert' | 'update',
  Record<string, string>,
  ReturnType<typeof row> | null,
  string | null,
][] = [
  ['a dispute it registers for its village', 'disputes', 'insert', { org_unit_id: V }, null, null],
  [
    'a dispute for another township’s village',
    'disputes',
    'insert',
    { org_unit_id: 'other-village' },
    null,
    'OUT_OF_SCOPE',
  ],
  [
    'its village’s case handed on to the township',
    'cases',
    'update',
    { org_unit_id: T },
    row(V),
    null,
  ],
  [
    'its village’s case moved past the township',
    'cases',
    'update',
    { org_unit_id: 'county' },
    row(V),
    'OUT_OF_SCOPE',
  ],
  [
    'its village’s event report rewritten',
    'event_reports',
    'update',
    { title: 'x' },
    row(V, { receiving_org_id: 'county' }),
    'OUT_OF_SCOPE',
  ],
];

describe('what a township terminal may push for the units below it', () => {
  it.each(townshipFor)('%s', (_title, table, op, columns, current, expected) => {
    const check: ScopeCheck = {
      terminalUnit: T,
      parentUnit: 'county',
      below: new Map([[V, T]]),
      entry: { table, op, columns },
      current,
      root: current,
      rootOwnerBefore: current?.orgUnitId ?? null,
    };
    expect(authorise(check)).toBe(expected);
  });
});

describe('what a terminal may push', () => {
  it.each(cases)('%s', (_title, unit, table, op, columns, current, root, before, expected) => {
    const check: ScopeCheck = {
      terminalUnit: unit,
      parentUnit: unit === V ? T : 'county',
      entry: { table, op, columns },
      current,
      root,
      rootOwnerBefore: before,
    };
    expect(authorise(check)).toBe(expected);
  });
});
