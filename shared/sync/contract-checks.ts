import { z } from 'zod';
import { SYNC_RECORD_TABLES } from './records-contract';

/*
 * The pieces of the sync contract's zod schemas that the hand-written checks of a push body
 * (upstream/src/sync/push-request-check.ts) and of a pulled record (pulled-record-check.ts) share:
 * both are held to the schemas' verdicts by their tests.
 */

export const SYNC_TABLES: ReadonlySet<string> = new Set(SYNC_RECORD_TABLES);

/** The pattern behind the schema's z.string().uuid(). */
export const UUID = z.regexes.uuid();

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What JSON carries of SQLite's TEXT, INTEGER, REAL and NULL (the schema's columnValue). */
const isColumnValue = (value: unknown) =>
  value === null ||
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value));

/** A plain object of column values, as z.record takes it (JSON.parse makes no other kind). */
export function isColumns(value: unknown): value is Record<string, string | number | null> {
  if (!isObject(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  // The schema skips a "__proto__" key without looking at its value (withoutProto drops it).
  for (const key in value) if (key !== '__proto__' && !isColumnValue(value[key])) return false;
  return true;
}

/** JSON can name a column "__proto__"; the schema's answer leaves it out, and so does this. */
export function withoutProto<T extends object>(columns: T): T {
  if (!Object.hasOwn(columns, '__proto__')) return columns;
  const copy = { ...columns };
  delete (copy as Record<string, unknown>)['__proto__'];
  return copy;
}
