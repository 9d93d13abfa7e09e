import { randomUUID } from 'node:crypto';
import {
  PUSH_BATCH_MAX,
  SYNC_LOCAL_COLUMNS,
  SYNC_RECORD_TABLES,
  type PushEntry,
  type SyncRecordTable,
} from '@shared/sync/records-contract';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { PUSH_MARKS, pushedThrough, recordPushedThrough } from '../core/pushed-through';
import type { Db } from '../db/queryable';
import { prepared } from '../db/prepared';

/** Entries written before the log knew its schema version: older than any numbered schema. */
const UNKNOWN_SCHEMA_VERSION = 0;

/**
 * An entry read for a push: the contract's fields, with its columns still the JSON the log holds,
 * as UTF-8 bytes, so that the request carries them without a decode, a parse, a stringify and an
 * encode per entry.
 */
export interface OutgoingEntry extends Omit<PushEntry, 'columns'> {
  columnsJson: Buffer;
}

/**
 * Entries of the tables with a channel of their own (accounts, org units, the catalogue) stay out:
 * those channels carry them. Their seqs leave gaps in what is pushed here.
 */
const RECORD_TABLES: readonly string[] = SYNC_RECORD_TABLES;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const list = (names: readonly string[]) => names.map(literal).join(', ');

/**
 * What every change sets besides its own columns: without them an update would reach the hub
 * without its version, and a tombstone without deleted_at.
 */
const CHANGE_SYNC_COLUMNS = ['version', 'updated_at', 'updated_by'] as const;

const LOCAL_COLUMNS = Object.entries(SYNC_LOCAL_COLUMNS).filter(
  (entry): entry is [string, readonly string[]] => (entry[1]?.length ?? 0) > 0,
);
/** The payload's keys that are a table's terminal-local column. */
const LOCAL_KEY =
  LOCAL_COLUMNS.map(
    ([table, columns]) => `(table_name = ${literal(table)} AND key IN (${list(columns)}))`,
  ).join(' OR ') || '0';
const WITH_LOCAL_COLUMNS =
  LOCAL_COLUMNS.length > 0 ? `table_name IN (${list(LOCAL_COLUMNS.map(([table]) => table))})` : '0';

/**
 * The columns an entry carries, as JSON text built by SQLite: an insert the whole row; an update or
 * delete only what it changed (an older terminal's change thus never blanks a column it does not
 * know) plus the sync columns. An entry written before the log listed changed columns carries its
 * whole row, as it was written. Terminal-local columns never leave. A whole row of a table without
 * local columns goes as the log holds it: the one write module writes the payload from the SQLite
 * row (no table has a BLOB column), so it holds only text, numbers and nulls, what the contract
 * takes; a filtered one keeps only those.
 */
const COLUMNS_JSON = `CASE WHEN (op = 'insert' OR changed_columns IS NULL) AND NOT (${WITH_LOCAL_COLUMNS})
  THEN payload
  ELSE (SELECT json_group_object(key, value) FROM json_each(payload)
    WHERE type IN ('null', 'integer', 'real', 'text') AND NOT (${LOCAL_KEY})
      AND (op = 'insert' OR changed_columns IS NULL
        OR key IN (SELECT value FROM json_each(changed_columns))
        OR key IN (${list(CHANGE_SYNC_COLUMNS)}) OR (op = 'delete' AND key = 'deleted_at')))
  END`;

const WAITING_RECORD = (alias: string) =>
  `${alias}.pushed_at IS NULL AND ${alias}.table_name IN (${list(RECORD_TABLES)})`;

/** The epoch of the oldest entry still to push, or null when nothing waits. */
export async function nextEpoch(db: Db): Promise<string | null> {
  const { rows } = await sql<{ epoch: string }>`SELECT epoch FROM (
      SELECT m.epoch, (SELECT o.seq FROM outbox o WHERE o.epoch = m.epoch AND o.seq > m.through
        AND ${sql.raw(WAITING_RECORD('o'))} ORDER BY o.seq LIMIT 1) AS first
      FROM (${sql.raw(PUSH_MARKS)}) m)
    WHERE first IS NOT NULL ORDER BY first LIMIT 1`.execute(db);
  return rows[0]?.epoch ?? null;
}

/** What is still to push of one epoch: `?` the epoch, `?` its mark (core/pushed-through.ts). */
const UNPUSHED_OF_EPOCH = `epoch = ? AND seq > ? AND ${WAITING_RECORD('outbox')}`;

const ENTRY_COLUMNS = `seq, tx_id, table_name, record_id, op, base_version, version, schema_version,
  created_at, CAST(${COLUMNS_JSON} AS BLOB) AS columns_json`;

interface EntryRow {
  seq: number;
  tx_id: string | null;
  table_name: string;
  record_id: string;
  op: PushEntry['op'];
  base_version: string | null;
  version: string;
  schema_version: number | null;
  created_at: string;
  columns_json: Buffer;
}

/** One outbox row as the hub's contract has it; a row without a transaction id is its own. */
function toOutgoing(row: EntryRow): OutgoingEntry {
  return {
    seq: row.seq,
    txId: row.tx_id ?? randomUUID(),
    table: row.table_name as SyncRecordTable,
    recordId: row.record_id,
    op: row.op,
    baseVersion: row.base_version,
    version: row.version,
    columnsJson: row.columns_json,
    schemaVersion: row.schema_version ?? UNKNOWN_SCHEMA_VERSION,
    at: row.created_at,
  };
}

/**
 * The next batch of one epoch, in seq order: up to `max` entries, then the rest of the last
 * transaction when the limit cut into it (the hub applies a transaction whole, never split across
 * requests). A use case's entries are consecutive in the log, SQLite writing one transaction at a time.
 */
export function readPushBatch(
  sqlite: BetterSqlite3.Database,
  epoch: string,
  max = PUSH_BATCH_MAX,
): OutgoingEntry[] {
  const rows = prepared(
    sqlite,
    `SELECT ${ENTRY_COLUMNS} FROM outbox WHERE ${UNPUSHED_OF_EPOCH} ORDER BY seq LIMIT ?`,
  ).all(epoch, pushedThrough(sqlite, epoch), max) as EntryRow[];
  const last = rows.at(-1);
  if (rows.length === max && last?.tx_id) {
    // The transaction ends before the first entry of another one: a search for its entries
    // without that bound would read the whole rest of the log, every batch.
    const end = prepared(
      sqlite,
      'SELECT seq FROM outbox WHERE seq > ? AND tx_id IS NOT ? ORDER BY seq LIMIT 1',
    )
      .pluck()
      .get(last.seq, last.tx_id) as number | undefined;
    const rest = prepared(
      sqlite,
      `SELECT ${ENTRY_COLUMNS} FROM outbox WHERE ${UNPUSHED_OF_EPOCH} AND seq < ? AND tx_id = ?
       ORDER BY seq LIMIT ?`,
    ).all(epoch, last.seq, end ?? Number.MAX_SAFE_INTEGER, last.tx_id, max) as EntryRow[];
    rows.push(...rest);
  }
  const entries = rows.map(toOutgoing);
  markSettlements(sqlite, entries);
  return entries;
}

/**
 * The first entry of a record after a person settled its refusals under 同步问题 (重新提交's whole
 * row, or after 放弃本机修改 the next change) says so: the hub lifts the record's block with it.
 * Problems are few: the query starts from them and looks for their records among the batch's seqs.
 */
function markSettlements(sqlite: BetterSqlite3.Database, entries: OutgoingEntry[]): void {
  const [first, last] = [entries.at(0), entries.at(-1)];
  if (!first || !last) return;
  const settled = prepared(
    sqlite,
    `SELECT p.table_name, p.record_id, max(p.seq) AS last, count(p.settled_at) AS done,
       count(*) AS total
     FROM sync_problems p
     WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = p.record_id
       AND o.pushed_at IS NULL AND o.seq BETWEEN ? AND ?)
     GROUP BY p.table_name, p.record_id`,
  ).all(first.seq, last.seq) as {
    table_name: string;
    record_id: string;
    last: number;
    done: number;
    total: number;
  }[];
  const firstAfter = prepared(
    sqlite,
    `SELECT seq FROM outbox WHERE seq > ? AND record_id = ? AND table_name = ?
     ORDER BY seq LIMIT 1`,
  ).pluck();
  for (const record of settled) {
    // A record with a refusal still open stays blocked: its entries go up and are refused again.
    if (record.done !== record.total) continue;
    const seq = firstAfter.get(record.last, record.record_id, record.table_name) as
      number | undefined;
    const entry = entries.find((candidate) => candidate.seq === seq);
    if (entry) entry.settlesRefusal = true;
  }
}

const quote = (text: string) => JSON.stringify(text);

/**
 * The push request's body (pushRequestSchema) as UTF-8 bytes: each entry's columns are spliced in
 * as the log holds them, the few other fields written here.
 */
export function pushRequestBody(epoch: string, entries: readonly OutgoingEntry[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`{"epoch":${quote(epoch)},"entries":[`)];
  entries.forEach((entry, i) => {
    parts.push(
      Buffer.from(
        `${i === 0 ? '' : ','}{"seq":${entry.seq},"txId":${quote(entry.txId)},` +
          `"table":${quote(entry.table)},"recordId":${quote(entry.recordId)},"op":${quote(entry.op)},` +
          `"baseVersion":${entry.baseVersion === null ? 'null' : quote(entry.baseVersion)},` +
          `"version":${quote(entry.version)},"schemaVersion":${entry.schemaVersion},` +
          `"at":${quote(entry.at)},${entry.settlesRefusal ? '"settlesRefusal":true,' : ''}"columns":`,
      ),
      entry.columnsJson,
      CLOSE_ENTRY,
    );
  });
  parts.push(CLOSE_REQUEST);
  return Buffer.concat(parts);
}

const CLOSE_ENTRY = Buffer.from('}');
const CLOSE_REQUEST = Buffer.from(']}');

/**
 * Marks the entries the hub decided as pushed, in the push's local transaction: they are the first
 * of the batch, which was every entry still to push of its epoch from the epoch's mark on, so the
 * mark moves to the last of them.
 */
export function markPushed(
  sqlite: BetterSqlite3.Database,
  epoch: string,
  decided: readonly { seq: number }[],
): void {
  const last = decided.at(-1);
  if (last) recordPushedThrough(sqlite, epoch, last.seq);
}

/** Entries of the record tables still to push, all epochs: each epoch's from its mark on. */
export async function countWaiting(db: Db): Promise<number> {
  // Per epoch from its mark, on the index by epoch and seq: a join would let SQLite walk the log.
  const { rows } = await sql<{ n: number | null }>`SELECT sum((SELECT count(*) FROM outbox o
      WHERE o.epoch = m.epoch AND o.seq > m.through AND ${sql.raw(WAITING_RECORD('o'))})) AS n
    FROM (${sql.raw(PUSH_MARKS)}) m`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The highest seq this database numbered in the epoch (pushed or not); read from the end of the log. */
export async function maxSeqOf(db: Db, epoch: string): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select('seq')
    .where('epoch', '=', epoch)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.seq ?? 0;
}
