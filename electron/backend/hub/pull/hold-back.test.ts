import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledRecord, SyncRecordTable } from '@shared/sync/records-contract';
import { createHarness, type Harness } from '../../testing/harness';
import { heldWaitingFor, keepHeld, parentsFirst, type Held } from './hold-back';

/*
 * The held set's bookkeeping on a real database: which held records a slice's records release (a
 * chain: a resident releases its case, the case its materials), and which leave the set once
 * applied (not a newer version held meanwhile). Each is one statement per slice.
 */

let h: Harness;

const id = (n: number) => `0193a5b2-7c4d-7e8f-9a0b-${String(n).padStart(12, '0')}`;

const record = (table: SyncRecordTable, n: number, version: string): PulledRecord => ({
  table,
  recordId: id(n),
  orgUnitId: 'unit-1',
  version,
  columns: {},
  access: 'owner',
});

const heldRows = () =>
  h.backend.runtime.sqlite
    .prepare('SELECT table_name, record_id, version FROM sync_pull_held ORDER BY record_id')
    .all();

describe('the held set', () => {
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  it('answers the chain a record releases, and drops what was applied but a newer version', () => {
    const { sqlite } = h.backend.runtime;
    const held: Held[] = [
      { record: record('cases', 2, 'v1'), waitsFor: `residents/${id(1)}` },
      { record: record('case_materials', 3, 'v1'), waitsFor: `cases/${id(2)}` },
      { record: record('case_materials', 4, 'v1'), waitsFor: `cases/${id(2)}` },
      { record: record('cases', 6, 'v1'), waitsFor: `residents/${id(5)}` },
      { record: record('case_materials', 7, 'v3'), waitsFor: `cases/${id(6)}` },
    ];
    keepHeld(sqlite, [], held, '2026-12-07T00:00:00.000Z', { held: [], whole: false });

    const released = heldWaitingFor(sqlite, [record('residents', 1, 'v1')]);
    expect(released.map((entry) => entry.record.recordId).sort()).toEqual([id(2), id(3), id(4)]);
    expect(heldWaitingFor(sqlite, [record('residents', 9, 'v1')])).toEqual([]);
    const both = heldWaitingFor(sqlite, [
      record('residents', 1, 'v1'),
      record('residents', 5, 'v1'),
    ]);
    expect(both.map((entry) => entry.record.recordId).sort()).toEqual([2, 3, 4, 6, 7].map(id));
    // A table no synced table refers to releases nothing, whatever its id.
    expect(heldWaitingFor(sqlite, [record('ratings', 1, 'v1')])).toEqual([]);

    // Applied: the released three, and record 7 arriving in the page at an older version than the
    // one held, which stays held.
    const applied = [...released.map((entry) => entry.record), record('case_materials', 7, 'v2')];
    keepHeld(sqlite, applied, [], '2026-12-07T00:00:00.000Z', { held: released, whole: false });
    expect(heldRows()).toEqual([
      { table_name: 'cases', record_id: id(6), version: 'v1' },
      { table_name: 'case_materials', record_id: id(7), version: 'v3' },
    ]);

    // Record 7 at the held version or newer leaves, though it was not among those released.
    keepHeld(sqlite, [record('case_materials', 7, 'v3')], [], '2026-12-07T00:00:00.000Z', {
      held: [],
      whole: false,
    });
    expect(heldRows()).toEqual([{ table_name: 'cases', record_id: id(6), version: 'v1' }]);
  });
});

describe('a page’s order of application', () => {
  it('puts residents before cases and cases before their materials, keeping feed order within a table', () => {
    // In feed order: materials written at intake come before their case, last changed at completion.
    const page = [
      record('case_materials', 1, 'v1'),
      record('case_events', 2, 'v1'),
      record('case_materials', 3, 'v1'),
      record('cases', 4, 'v2'),
      record('residents', 5, 'v3'),
      record('cases', 6, 'v3'),
    ];
    const order = (parentsFirst(page) as PulledRecord[]).map(
      (r) => `${r.table}:${r.recordId.slice(-1)}`,
    );
    expect(order.slice(0, 3)).toEqual(['residents:5', 'cases:4', 'cases:6']);
    expect(order.filter((entry) => entry.startsWith('case_materials'))).toEqual([
      'case_materials:1',
      'case_materials:3',
    ]);
    expect(order).toHaveLength(6);
  });
});
