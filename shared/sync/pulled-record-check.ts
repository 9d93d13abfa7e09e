import { SYNC_TABLES, UUID, isColumns, isObject, withoutProto } from './contract-checks';
import type { PulledRecord } from './records-contract';

/*
 * pulledRecordSchema's rules, checked by hand: a first sync checks half a million records, and zod's
 * object, record and union walk cost about as much per record as the SQLite insert that follows.
 * pulled-record-check.test.ts holds this to the schema's verdict on valid and broken records alike.
 */

const ACCESS: ReadonlySet<string> = new Set(['owner', 'addressee', 'reader']);

/**
 * The record as pulledRecordSchema would answer it (its known fields only), or null where the
 * schema would refuse it.
 */
export function checkedPulledRecord(value: unknown): PulledRecord | null {
  if (!isObject(value)) return null;
  const { table, recordId, orgUnitId, version, columns, access } = value;
  if (typeof table !== 'string' || !SYNC_TABLES.has(table)) return null;
  if (typeof recordId !== 'string' || !UUID.test(recordId)) return null;
  if (typeof orgUnitId !== 'string') return null;
  if (typeof version !== 'string' || version.length < 1 || version.length > 100) return null;
  if (!isColumns(columns)) return null;
  if (typeof access !== 'string' || !ACCESS.has(access)) return null;
  return {
    table: table as PulledRecord['table'],
    recordId,
    orgUnitId,
    version,
    columns: withoutProto(columns),
    access: access as PulledRecord['access'],
  };
}
