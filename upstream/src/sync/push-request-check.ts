import { SYNC_TABLES, UUID, isColumns, isObject, withoutProto } from '@shared/sync/contract-checks';
import {
  PUSH_BATCH_MAX,
  pushRequestSchema,
  type PushEntry,
  type PushRequest,
} from '@shared/sync/records-contract';

/*
 * pushRequestSchema's rules, checked by hand: zod's object, record and union walk over the 1,000
 * entries of a push cost the hub about as much CPU as deciding them (bench/RESULTS.md, "The hub's
 * push"). push-request-check.test.ts holds this to the schema's verdict on valid and broken bodies.
 * A body this check refuses is handed to the schema, so that a refusal is zod's, word for word.
 */

const OPS: ReadonlySet<string> = new Set(['insert', 'update', 'delete']);
const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The schema's hlc: 1 to 100 characters. */
const isHlc = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= 100;

const isSafeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value);

function checkedEntry(value: unknown): PushEntry | null {
  if (!isObject(value)) return null;
  const { seq, txId, table, recordId, op, baseVersion, version, columns, schemaVersion, at } =
    value;
  const { settlesRefusal } = value;
  if (!isSafeInteger(seq) || seq <= 0) return null;
  if (!isUuid(txId)) return null;
  if (typeof table !== 'string' || !SYNC_TABLES.has(table)) return null;
  if (!isUuid(recordId)) return null;
  if (typeof op !== 'string' || !OPS.has(op)) return null;
  if (baseVersion !== null && !isHlc(baseVersion)) return null;
  if (!isHlc(version)) return null;
  if (!isColumns(columns)) return null;
  if (!isSafeInteger(schemaVersion) || schemaVersion < 0) return null;
  if (typeof at !== 'string') return null;
  if (settlesRefusal !== undefined && typeof settlesRefusal !== 'boolean') return null;
  return {
    seq,
    txId,
    table: table as PushEntry['table'],
    recordId,
    op: op as PushEntry['op'],
    baseVersion,
    version,
    columns: withoutProto(columns),
    schemaVersion,
    at,
    ...(settlesRefusal === undefined ? {} : { settlesRefusal }),
  };
}

/**
 * The push request as pushRequestSchema.parse answers it (its known fields only); where the schema
 * would refuse the body, the schema's own ZodError is thrown.
 */
export function parsePushRequest(body: unknown): PushRequest {
  if (isObject(body) && isUuid(body.epoch) && Array.isArray(body.entries)) {
    const raw: unknown[] = body.entries;
    if (raw.length <= PUSH_BATCH_MAX * 2) {
      const entries: PushEntry[] = [];
      for (const value of raw) {
        const entry = checkedEntry(value);
        if (!entry) break;
        entries.push(entry);
      }
      if (entries.length === raw.length) return { epoch: body.epoch, entries };
    }
  }
  return pushRequestSchema.parse(body);
}
