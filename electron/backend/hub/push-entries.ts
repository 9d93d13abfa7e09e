import { randomUUID } from 'node:crypto';
import {
  PUSH_BATCH_MAX,
  SYNC_LOCAL_COLUMNS,
  SYNC_RECORD_TABLES,
  type PushEntry,
  type SyncRecordTable,
} from '@shared/sync/records-contract';
import type { Db } from '../db/queryable';
import type { OutboxTable } from '../db/schema';

type OutboxRow = Omit<OutboxTable, 'seq'> & { seq: number };

/**
 * What every change sets besides its own columns: without them an update would reach the hub
 * without its version, and a tombstone without deleted_at.
 */
const CHANGE_SYNC_COLUMNS = ['version', 'updated_at', 'updated_by'] as const;

/** Entries written before the log knew its schema version: older than any numbered schema. */
const UNKNOWN_SCHEMA_VERSION = 0;

function isColumnValue(value: unknown): value is string | number | null {
  return value === null || typeof value === 'string' || typeof value === 'number';
}

/**
 * The columns an entry carries: an insert the whole row; an update or delete only what it changed
 * (an older terminal's change thus never blanks a column it does not know) plus the sync columns.
 * An entry written before the log listed changed columns carries its whole row, as it was written.
 * Terminal-local columns never leave.
 */
export function entryColumns(row: OutboxRow): Record<string, string | number | null> {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  const local = new Set(SYNC_LOCAL_COLUMNS[row.table_name as SyncRecordTable] ?? []);
  let names = Object.keys(payload);
  if (row.op !== 'insert' && row.changed_columns !== null) {
    const changed = new Set(JSON.parse(row.changed_columns) as string[]);
    for (const column of CHANGE_SYNC_COLUMNS) changed.add(column);
    if (row.op === 'delete') changed.add('deleted_at');
    names = names.filter((name) => changed.has(name));
  }
  const columns: Record<string, string | number | null> = {};
  for (const name of names) {
    const value = payload[name];
    if (!local.has(name) && isColumnValue(value)) columns[name] = value;
  }
  return columns;
}

/** One outbox row as the hub's contract has it; a row without a transaction id is its own. */
export function toPushEntry(row: OutboxRow): PushEntry {
  return {
    seq: row.seq,
    txId: row.tx_id ?? randomUUID(),
    table: row.table_name as SyncRecordTable,
    recordId: row.record_id,
    op: row.op,
    baseVersion: row.base_version,
    version: row.version,
    columns: entryColumns(row),
    schemaVersion: row.schema_version ?? UNKNOWN_SCHEMA_VERSION,
    at: row.created_at,
  };
}

/**
 * Entries of the tables with a channel of their own (accounts, org units, the catalogue) stay out:
 * those channels carry them. Their seqs leave gaps in what is pushed here.
 */
const RECORD_TABLES: readonly string[] = SYNC_RECORD_TABLES;

/** Entries written before the log knew its epoch belong to the current one. */
function epochOf(row: { epoch: string | null }, current: string): string {
  return row.epoch ?? current;
}

/** The epoch of the oldest entry still to push, or null when nothing waits. */
export async function nextEpoch(db: Db, current: string): Promise<string | null> {
  const first = await db
    .selectFrom('outbox')
    .select('epoch')
    .where('pushed_at', 'is', null)
    .where('table_name', 'in', RECORD_TABLES)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return first ? epochOf(first, current) : null;
}

function unpushedOf(db: Db, epoch: string, current: string) {
  const query = db
    .selectFrom('outbox')
    .selectAll()
    .where('pushed_at', 'is', null)
    .where('table_name', 'in', RECORD_TABLES);
  return epoch === current
    ? query.where((eb) => eb.or([eb('epoch', '=', epoch), eb('epoch', 'is', null)]))
    : query.where('epoch', '=', epoch);
}

/**
 * The next batch of one epoch, in seq order: up to `max` entries, then the rest of the last
 * transaction when the limit cut into it (the hub applies a transaction whole, never split across
 * requests). A use case's entries are consecutive in the log, SQLite writing one transaction at a time.
 */
export async function readPushBatch(
  db: Db,
  epoch: string,
  current: string,
  max = PUSH_BATCH_MAX,
): Promise<PushEntry[]> {
  const rows = await unpushedOf(db, epoch, current).orderBy('seq').limit(max).execute();
  const last = rows.at(-1);
  if (rows.length === max && last?.tx_id) {
    const rest = await unpushedOf(db, epoch, current)
      .where('seq', '>', last.seq)
      .where('tx_id', '=', last.tx_id)
      .orderBy('seq')
      .limit(max)
      .execute();
    rows.push(...rest);
  }
  return rows.map(toPushEntry);
}

/** Entries of the record tables still to push, all epochs. */
export async function countWaiting(db: Db): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pushed_at', 'is', null)
    .where('table_name', 'in', RECORD_TABLES)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The highest seq this database numbered in the epoch (pushed or not); read from the end of the log. */
export async function maxSeqOf(db: Db, epoch: string, current: string): Promise<number> {
  const query = db.selectFrom('outbox').select('seq').orderBy('seq', 'desc').limit(1);
  const row = await (
    epoch === current
      ? query.where((eb) => eb.or([eb('epoch', '=', epoch), eb('epoch', 'is', null)]))
      : query.where('epoch', '=', epoch)
  ).executeTakeFirst();
  return row?.seq ?? 0;
}
