import { z } from 'zod';
import { SYNC_RECORD_TABLES, type PulledRecord } from './records-contract';

/*
 * pulledRecordSchema's rules, checked by hand: a first sync checks half a million records, and zod's
 * object, record and union walk cost about as much per record as the SQLite insert that follows.
 * pulled-record-check.test.ts holds this to the schema's verdict on valid and broken records alike.
 */

const TABLES: ReadonlySet<string> = new Set(SYNC_RECORD_TABLES);
const ACCESS: ReadonlySet<string> = new Set(['owner', 'addressee', 'reader']);
/** The pattern behind the schema's z.string().uuid(). */
const UUID = z.regexes.uuid();

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What JSON carries of SQLite's TEXT, INTEGER, REAL and NULL (the schema's columnValue). */
const isColumnValue = (value: unknown) =>
  value === null ||
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value));

/** A plain object, as z.record takes (JSON.parse makes no other kind). */
function isColumns(value: unknown): value is Record<string, string | number | null> {
  if (!isObject(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  // The schema skips a "__proto__" key without looking at its value (withoutProto drops it).
  for (const key in value) if (key !== '__proto__' && !isColumnValue(value[key])) return false;
  return true;
}

/** JSON can name a column "__proto__"; the schema's answer leaves it out, and so does this. */
function withoutProto<T extends object>(columns: T): T {
  if (!Object.hasOwn(columns, '__proto__')) return columns;
  const copy = { ...columns };
  delete (copy as Record<string, unknown>)['__proto__'];
  return copy;
}

/**
 * The record as pulledRecordSchema would answer it (its known fields only), or null where the
 * schema would refuse it.
 */
export function checkedPulledRecord(value: unknown): PulledRecord | null {
  if (!isObject(value)) return null;
  const { table, recordId, orgUnitId, version, columns, access } = value;
  if (typeof table !== 'string' || !TABLES.has(table)) return null;
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
