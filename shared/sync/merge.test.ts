import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import {
  compareVersions,
  mergeEntry,
  type ColumnValue,
  type HubRecordState,
  type MergeEntry,
} from './merge';

const T0 = Date.parse('2026-12-07T01:00:00.000Z');
const A = 'terminal-a';
const B = 'terminal-b';

/** A version stamped by a terminal `minutes` after T0. */
function v(minutes: number, node: string, counter = 0): string {
  return formatHlc({ wall: T0 + minutes * 60_000, counter, node });
}

const INSERTED = v(0, A);

/** A case as terminal A inserted it, with any later field versions. */
function held(
  changes: Record<string, [ColumnValue, string]> = {},
  deleted: { at: string; version: string } | null = null,
): HubRecordState {
  const columns: Record<string, ColumnValue> = {
    id: 'c1',
    org_unit_id: 'township',
    created_at: '2026-12-07T01:00:00.000Z',
    created_by: 'u-a',
    updated_at: '2026-12-07T01:00:00.000Z',
    updated_by: 'u-a',
    origin_terminal_id: A,
    version: INSERTED,
    deleted_at: null,
    applicant_phone: '13800000000',
    summary: '办理低保',
    fee_fen: 0,
  };
  const fieldVersions: Record<string, string> = {};
  for (const column of Object.keys(columns)) fieldVersions[column] = INSERTED;
  let version = INSERTED;
  for (const [column, [value, at]] of Object.entries(changes)) {
    columns[column] = value;
    fieldVersions[column] = at;
    if (compareVersions(at, version) > 0) version = at;
  }
  if (deleted) {
    columns.deleted_at = deleted.at;
    fieldVersions.deleted_at = deleted.version;
    if (compareVersions(deleted.version, version) > 0) version = deleted.version;
  }
  columns.version = version;
  fieldVersions.version = version;
  return { columns, fieldVersions, version, deleted: deleted !== null };
}

function update(
  terminal: string,
  by: string,
  base: string | null,
  version: string,
  columns: Record<string, ColumnValue>,
  op: MergeEntry['op'] = 'update',
): MergeEntry {
  const at = new Date(Date.parse(version.slice(0, 24))).toISOString();
  return {
    op,
    baseVersion: base,
    version,
    columns: { ...columns, updated_at: at, updated_by: by, version },
    at,
    terminalId: terminal,
    by,
  };
}

function merged(current: HubRecordState | null, entry: MergeEntry) {
  const result = mergeEntry(current, entry);
  if (result.outcome !== 'merged') throw new Error(`not merged: ${result.outcome}`);
  return result;
}

describe('mergeEntry: a record the hub does not hold', () => {
  it('inserts every column, each set by the insert', () => {
    const entry = update(A, 'u-a', null, INSERTED, { id: 'c1', summary: '办理低保' }, 'insert');
    const result = merged(null, entry);
    expect(result.changed).toBe(true);
    expect(result.record.columns.summary).toBe('办理低保');
    expect(result.record.version).toBe(INSERTED);
    expect(new Set(Object.values(result.record.fieldVersions))).toEqual(new Set([INSERTED]));
    expect(result.conflicts).toEqual([]);
  });

  it.each(['update', 'delete'] as const)('refuses an %s of it: the record is unknown', (op) => {
    const entry = update(A, 'u-a', INSERTED, v(1, A), { summary: '改' }, op);
    expect(mergeEntry(null, entry)).toEqual({ outcome: 'unknown-record' });
  });
});

describe('mergeEntry: concurrent edits from one base', () => {
  const aEdits = update(A, 'u-a', INSERTED, v(5, A), { summary: '办理低保（补充材料）' });

  it.each([
    ['B after A', v(6, B)],
    ['B before A by its clock, arriving second', v(4, B)],
  ])('different fields both land (%s)', (_, bVersion) => {
    const first = merged(held(), aEdits).record;
    const result = merged(
      first,
      update(B, 'u-b', INSERTED, bVersion, { applicant_phone: '13900000000' }),
    );
    expect(result.conflicts).toEqual([]);
    expect(result.record.columns).toMatchObject({
      summary: '办理低保（补充材料）',
      applicant_phone: '13900000000',
    });
    expect(result.record.fieldVersions).toMatchObject({
      summary: v(5, A),
      applicant_phone: bVersion,
    });
    expect(result.record.version).toBe(compareVersions(bVersion, v(5, A)) > 0 ? bVersion : v(5, A));
  });

  it.each([
    ['the second has the later clock', v(6, B)],
    ['the second has the earlier clock: still no last-writer-wins', v(4, B)],
  ])(
    'the same field keeps the first arrival and opens a conflict with both values (%s)',
    (_, bVersion) => {
      const first = merged(held(), aEdits).record;
      const result = merged(
        first,
        update(B, 'u-b', INSERTED, bVersion, { summary: '办理临时救助' }),
      );
      expect(result.record.columns.summary).toBe('办理低保（补充材料）');
      expect(result.record.fieldVersions.summary).toBe(v(5, A));
      expect(result.changed).toBe(true);
      expect(result.appliedColumns).toEqual([]);
      expect(result.conflicts).toEqual([
        {
          column: 'summary',
          baseVersion: INSERTED,
          kept: {
            value: '办理低保（补充材料）',
            version: v(5, A),
            terminalId: A,
            by: 'u-a',
            at: '2026-12-07T01:05:00.000Z',
          },
          other: {
            value: '办理临时救助',
            version: bVersion,
            terminalId: B,
            by: 'u-b',
            at: new Date(Date.parse(bVersion.slice(0, 24))).toISOString(),
          },
        },
      ]);
    },
  );

  it('a field changed by someone else after the writer read it names the terminal and time from its version', () => {
    // summary was set by A at 5, then A changed the phone at 7 (so updated_by/at are the phone's).
    const current = held({ summary: ['甲', v(5, A)], applicant_phone: ['13700000000', v(7, A)] });
    current.fieldVersions.updated_at = v(7, A);
    current.fieldVersions.updated_by = v(7, A);
    const result = merged(current, update(B, 'u-b', INSERTED, v(6, B), { summary: '乙' }));
    expect(result.conflicts[0]?.kept).toEqual({
      value: '甲',
      version: v(5, A),
      terminalId: A,
      by: null,
      at: '2026-12-07T01:05:00.000Z',
    });
  });

  it('equal values from one base are no conflict; the field keeps the newer version', () => {
    const first = merged(held(), aEdits).record;
    const result = merged(
      first,
      update(B, 'u-b', INSERTED, v(6, B), { summary: '办理低保（补充材料）' }),
    );
    expect(result.conflicts).toEqual([]);
    expect(result.record.fieldVersions.summary).toBe(v(6, B));
    expect(result.record.version).toBe(v(6, B));
  });

  it('a change whose writer had seen the other takes the field', () => {
    const first = merged(held(), aEdits).record;
    const result = merged(first, update(B, 'u-b', v(5, A), v(6, B), { summary: '办理临时救助' }));
    expect(result.conflicts).toEqual([]);
    expect(result.record.columns).toMatchObject({ summary: '办理临时救助', updated_by: 'u-b' });
  });

  it("a person's choice, made on the record as pulled after the conflict, settles the field without a new one", () => {
    const first = merged(held(), aEdits).record;
    const withConflict = merged(
      first,
      update(B, 'u-b', INSERTED, v(6, B), { summary: '乙' }),
    ).record;
    const choice = update(B, 'u-boss', withConflict.version, v(8, B), { summary: '乙' });
    const result = merged(withConflict, choice);
    expect(result.conflicts).toEqual([]);
    expect(result.record.columns).toMatchObject({ summary: '乙', updated_by: 'u-boss' });
    expect(result.record.version).toBe(v(8, B));
  });

  it('compares versions by clock, not by text: a later wall time on another node wins the order', () => {
    expect(compareVersions(v(1, 'z'), v(2, 'a'))).toBeLessThan(0);
    expect(compareVersions(v(1, A, 2), v(1, A, 10))).toBeLessThan(0);
    expect(compareVersions(v(1, A), v(1, A))).toBe(0);
    expect(() => compareVersions('2026-12-07', v(1, A))).toThrow();
  });
});

describe('mergeEntry: late duplicates and missing bases', () => {
  it('a late duplicate of an applied update changes nothing, also after other fields changed', () => {
    const entry = update(A, 'u-a', INSERTED, v(5, A), { summary: '甲' });
    const once = merged(held(), entry).record;
    const later = merged(once, update(B, 'u-b', v(5, A), v(6, B), { fee_fen: 500 })).record;
    for (const current of [once, later]) {
      const again = merged(current, entry);
      expect(again.changed).toBe(false);
      expect(again.conflicts).toEqual([]);
      expect(again.record).toBe(current);
    }
  });

  it('a late duplicate of the insert changes nothing', () => {
    const current = held({ summary: ['改过', v(3, B)] });
    const insert = update(A, 'u-a', null, INSERTED, { id: 'c1', summary: '办理低保' }, 'insert');
    const again = merged(current, insert);
    expect(again.changed).toBe(false);
    expect(again.record.columns.summary).toBe('改过');
  });

  it('an update without a base on an existing record has seen nothing: different values conflict, equal ones merge', () => {
    const result = merged(
      held(),
      update(B, 'u-b', null, v(2, B), { summary: '别的', applicant_phone: '13800000000' }),
    );
    expect(result.conflicts.map((c) => c.column)).toEqual(['summary']);
    expect(result.record.columns.summary).toBe('办理低保');
    expect(result.record.fieldVersions.applicant_phone).toBe(v(2, B));
  });

  it('a column the hub never held (a newer schema) is taken, and a missing one is never blanked', () => {
    const result = merged(held(), update(B, 'u-b', null, v(2, B), { official_no: '浙-001' }));
    expect(result.conflicts).toEqual([]);
    expect(result.record.columns).toMatchObject({ official_no: '浙-001', summary: '办理低保' });
  });

  it('never changes the creation columns', () => {
    const result = merged(
      held(),
      update(B, 'u-b', INSERTED, v(2, B), { created_by: 'u-b', origin_terminal_id: B, fee_fen: 1 }),
    );
    expect(result.record.columns).toMatchObject({ created_by: 'u-a', origin_terminal_id: A });
  });

  it('a hand-over the hub authorised moves org_unit_id like any column', () => {
    const result = merged(held(), update(A, 'u-a', INSERTED, v(2, A), { org_unit_id: 'county' }));
    expect(result.record.columns.org_unit_id).toBe('county');
  });
});

describe('mergeEntry: a change the record took before, sent again under a new key', () => {
  const first = update(A, 'u-a', INSERTED, v(1, A), { summary: '甲' });
  const cases: [string, (record: HubRecordState) => HubRecordState][] = [
    [
      'its own terminal changed the field since',
      (r) => merged(r, update(A, 'u-a', v(1, A), v(2, A), { summary: '甲二' })).record,
    ],
    [
      'another terminal that saw it changed the field since',
      (r) => merged(r, update(B, 'u-b', v(1, A), v(2, B), { summary: '乙' })).record,
    ],
  ];
  it.each(cases)('changes nothing and opens nothing: %s', (_, since) => {
    const later = since(merged(held(), first).record);
    const again = merged(later, first);
    expect(again).toMatchObject({ changed: false, conflicts: [] });
    expect(again.record).toBe(later);
  });

  it('a change that lost a conflict, sent again, opens no second one', () => {
    const kept = merged(held(), update(B, 'u-b', INSERTED, v(2, B), { summary: '乙' })).record;
    const lost = update(A, 'u-a', INSERTED, v(1, A), { summary: '甲' });
    const opened = merged(kept, lost);
    expect(opened.conflicts).toHaveLength(1);
    expect(merged(opened.record, lost)).toMatchObject({ changed: false, conflicts: [] });
  });

  it('a later change of the same terminal is new, whatever it sets', () => {
    const once = merged(held(), first).record;
    const next = merged(once, update(A, 'u-a', v(1, A), v(3, A), { summary: '甲' }));
    expect(next.changed).toBe(true);
    expect(next.record.takenFrom).toEqual({ [A]: v(3, A) });
  });
});

describe('mergeEntry: a delete against an update', () => {
  const deletedAt = '2026-12-07T01:06:00.000Z';
  const deleteByA = update(A, 'u-a', INSERTED, v(6, A), { deleted_at: deletedAt }, 'delete');
  const editByB = update(B, 'u-b', INSERTED, v(5, B), { summary: '乙改的' });

  it('delete first: the tombstone wins, the update lands in the columns and a conflict offers to bring it back', () => {
    const deleted = merged(held(), deleteByA).record;
    const result = merged(deleted, editByB);
    expect(result.record.deleted).toBe(true);
    expect(result.record.columns).toMatchObject({ deleted_at: deletedAt, summary: '乙改的' });
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        column: 'deleted_at',
        kept: expect.objectContaining({ value: deletedAt, version: v(6, A), terminalId: A }),
        other: expect.objectContaining({ value: null, version: v(5, B), by: 'u-b' }),
      }),
    ]);
  });

  it('update first: the tombstone still wins, and the conflict names the edit', () => {
    const edited = merged(held(), editByB).record;
    const result = merged(edited, deleteByA);
    expect(result.record.deleted).toBe(true);
    expect(result.record.columns.summary).toBe('乙改的');
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        column: 'deleted_at',
        kept: expect.objectContaining({ value: deletedAt, version: v(6, A), by: 'u-a' }),
        other: expect.objectContaining({ value: null, version: v(5, B), terminalId: B, by: 'u-b' }),
      }),
    ]);
  });

  it('a delete by someone who saw every edit is no conflict, and a second delete changes nothing', () => {
    const edited = merged(held(), editByB).record;
    const seenDelete = update(A, 'u-a', v(5, B), v(6, A), { deleted_at: deletedAt }, 'delete');
    const result = merged(edited, seenDelete);
    expect(result.conflicts).toEqual([]);
    expect(result.record.deleted).toBe(true);
    const again = update(B, 'u-b', v(5, B), v(7, B), { deleted_at: deletedAt }, 'delete');
    expect(merged(result.record, again).conflicts).toEqual([]);
    expect(merged(result.record, again).record.columns.deleted_at).toBe(deletedAt);
  });

  it('a late duplicate of an update applied before the delete opens nothing', () => {
    const edited = merged(held(), editByB).record;
    const deleted = merged(
      edited,
      update(A, 'u-a', v(5, B), v(6, A), { deleted_at: deletedAt }, 'delete'),
    ).record;
    const again = merged(deleted, editByB);
    expect(again.changed).toBe(false);
    expect(again.conflicts).toEqual([]);
  });

  it('bringing a record back by someone who saw the delete clears deleted_at', () => {
    const deleted = merged(held(), deleteByA).record;
    const result = merged(deleted, update(A, 'u-a', v(6, A), v(7, A), { deleted_at: null }));
    expect(result.record.deleted).toBe(false);
    expect(result.conflicts).toEqual([]);
  });
});
