import { randomUUID } from 'node:crypto';
import type { ColumnValue } from '@shared/sync/merge';
import { conflictRow } from '../conflicts';
import { recordKey, type OpenedConflict, type Trx } from './record-store';

/**
 * How the push stores the conflicts its merges opened (issue 15, item 5): one open conflict per field
 * of a record, and none a person has nothing to choose in.
 * - Two equal values are no choice: nothing is stored.
 * - A change that was a side of a conflict of the field before, open or closed, has been put to a
 *   person already: it arriving again (a resend under a new epoch) opens nothing.
 * - A field with an open conflict keeps that one: the same two values join it (the first who and when
 *   stay), other values replace its sides with what now contends (the record's value and the newest
 *   other), so the screen shows one choice per field and the choice made there closes it.
 * The record is locked by the push (loadRecords), so no other push changes its conflicts meanwhile.
 */

interface KnownConflict {
  id: string;
  open: boolean;
  keptValue: ColumnValue;
  otherValue: ColumnValue;
  versions: Set<string>;
}

const fieldKey = (c: { table: string; recordId: string; column: string }) =>
  `${recordKey(c.table, c.recordId)}#${c.column}`;

async function knownConflicts(
  trx: Trx,
  countyCode: string,
  conflicts: OpenedConflict[],
): Promise<Map<string, KnownConflict[]>> {
  const records = new Map(conflicts.map((c) => [recordKey(c.table, c.recordId), c]));
  const rows = await trx
    .selectFrom('sync_conflicts')
    .select([
      'id',
      'table_name',
      'record_id',
      'column_name',
      'kept_value',
      'kept_version',
      'other_value',
      'other_version',
      'resolved_at',
    ])
    .where('county_code', '=', countyCode)
    .where((eb) =>
      eb.or(
        [...records.values()].map((c) =>
          eb.and([eb('table_name', '=', c.table), eb('record_id', '=', c.recordId)]),
        ),
      ),
    )
    .orderBy('opened_at')
    .execute();
  const byField = new Map<string, KnownConflict[]>();
  for (const row of rows) {
    const key = fieldKey({
      table: row.table_name,
      recordId: row.record_id,
      column: row.column_name,
    });
    const known = byField.get(key) ?? [];
    known.push({
      id: row.id,
      open: row.resolved_at === null,
      keptValue: row.kept_value as ColumnValue,
      otherValue: row.other_value as ColumnValue,
      versions: new Set([row.kept_version, row.other_version]),
    });
    byField.set(key, known);
  }
  return byField;
}

/** Stores the conflicts; returns how many a person now has to look at anew (opened or replaced). */
export async function writeConflicts(
  trx: Trx,
  countyCode: string,
  conflicts: OpenedConflict[],
  now: Date,
): Promise<number> {
  const choices = conflicts.filter((c) => c.kept.value !== c.other.value);
  if (choices.length === 0) return 0;
  let stored = 0;
  const byField = await knownConflicts(trx, countyCode, choices);
  for (const conflict of choices) {
    const key = fieldKey(conflict);
    const known = byField.get(key) ?? [];
    byField.set(key, known);
    if (known.some((k) => k.versions.has(conflict.other.version))) continue;
    const open = known.find((k) => k.open);
    const sides = new Set([open?.keptValue, open?.otherValue]);
    if (open && sides.has(conflict.kept.value) && sides.has(conflict.other.value)) {
      open.versions.add(conflict.other.version);
      continue;
    }
    const row = conflictRow(countyCode, open?.id ?? randomUUID(), conflict, conflict, now);
    if (open) {
      const { county_code: _county, id: _id, opened_at: _opened, ...sidesNow } = row;
      await trx
        .updateTable('sync_conflicts')
        .set(sidesNow)
        .where('county_code', '=', countyCode)
        .where('id', '=', open.id)
        .execute();
    } else {
      await trx.insertInto('sync_conflicts').values(row).execute();
    }
    stored += 1;
    const entry: KnownConflict = {
      id: row.id,
      open: true,
      keptValue: conflict.kept.value,
      otherValue: conflict.other.value,
      versions: new Set([conflict.kept.version, conflict.other.version, ...(open?.versions ?? [])]),
    };
    known.splice(open ? known.indexOf(open) : known.length, open ? 1 : 0, entry);
  }
  return stored;
}
