import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import {
  SYNC_RECORD_TABLES,
  type PulledRecord,
  type SyncRecordTable,
} from '@shared/sync/records-contract';
import type { Db } from '../../db/queryable';
import { heldRecords, keepHeld, readyToApply, withHeld } from './hold-back';
import { pullableColumns } from './local-columns';
import { INDEXED_TABLES, keepSearchable, type StoredRow } from './search-upkeep';

/*
 * Applies pulled records to their tables, generically: the hub sends each record as it stands now,
 * with every column it knows. Runs inside the caller's transaction (the page and its cursor commit
 * together); the row statements go straight to better-sqlite3, which shares the connection and so
 * the transaction, because a first sync applies a hundred thousand of them.
 */

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function prepared(sqlite: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = statements.get(sqlite);
  if (!cache) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = sqlite.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

const quoted = (name: string) => `"${name}"`;

/**
 * The columns changed here and not pushed yet: the hub merges them when they arrive, and until then
 * they stay as they are here. 'all': an entry written before the change log named its columns.
 */
function pendingColumns(
  sqlite: BetterSqlite3.Database,
  table: SyncRecordTable,
  recordId: string,
): ReadonlySet<string> | 'all' {
  const entries = prepared(
    sqlite,
    `SELECT changed_columns FROM outbox
     WHERE table_name = ? AND record_id = ? AND pushed_at IS NULL`,
  )
    .pluck()
    .all(table, recordId) as (string | null)[];
  const columns = new Set<string>();
  for (const entry of entries) {
    if (entry === null) return 'all';
    for (const column of JSON.parse(entry) as string[]) columns.add(column);
  }
  return columns;
}

function storedRow(
  sqlite: BetterSqlite3.Database,
  table: SyncRecordTable,
  recordId: string,
): StoredRow | undefined {
  const columns = INDEXED_TABLES.has(table) ? 'rowid, *' : 'rowid, version';
  return prepared(sqlite, `SELECT ${columns} FROM ${quoted(table)} WHERE id = ?`).get(recordId) as
    StoredRow | undefined;
}

export type ApplyOutcome = 'inserted' | 'updated' | 'unchanged';

async function applyRecord(
  trx: Db,
  sqlite: BetterSqlite3.Database,
  record: PulledRecord,
): Promise<ApplyOutcome> {
  const { table, recordId } = record;
  const local = storedRow(sqlite, table, recordId);
  // Versions are hybrid-clock text that sorts in clock order; equal is the same change seen twice.
  if (local && (local.version as string) >= record.version) return 'unchanged';
  const allowed = pullableColumns(sqlite, table);
  const kept = local ? pendingColumns(sqlite, table, recordId) : new Set<string>();
  if (kept === 'all') return 'unchanged';
  const names = Object.keys(record.columns).filter(
    (name) => allowed.has(name) && !kept.has(name) && name !== 'id',
  );
  const values = names.map((name) => record.columns[name] ?? null);
  let rowid: number;
  if (local) {
    if (names.length === 0) return 'unchanged';
    prepared(
      sqlite,
      `UPDATE ${quoted(table)} SET ${names.map((name) => `${quoted(name)} = ?`).join(', ')}
       WHERE id = ?`,
    ).run(...values, recordId);
    rowid = local.rowid;
  } else {
    const all = ['id', ...names];
    const info = prepared(
      sqlite,
      `INSERT INTO ${quoted(table)} (${all.map(quoted).join(', ')})
       VALUES (${all.map(() => '?').join(', ')})`,
    ).run(recordId, ...values);
    rowid = Number(info.lastInsertRowid);
  }
  if (INDEXED_TABLES.has(table)) {
    const after = storedRow(sqlite, table, recordId)!;
    await keepSearchable(trx, sqlite, table, local ?? null, { ...after, rowid });
  }
  return local ? 'updated' : 'inserted';
}

const TABLE_ORDER = new Map<string, number>(SYNC_RECORD_TABLES.map((table, i) => [table, i]));

export interface PageOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Waiting in sync_pull_held for a record they refer to. */
  held: number;
  /** The versions applied, for the clock to observe (the highest is enough). */
  highestVersion: string | null;
}

/**
 * Applies one page inside `trx`, with the records held back by earlier pages. Parents first where
 * both are at hand (residents before cases, for the triggers that look a case's resident up);
 * foreign keys are checked at commit, and a record whose parent is not at hand waits (hold-back.ts).
 */
export async function applyPulledPage(
  trx: Db,
  sqlite: BetterSqlite3.Database,
  page: readonly PulledRecord[],
  now: string,
): Promise<PageOutcome> {
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  const { ready, held } = readyToApply(sqlite, withHeld(page, heldRecords(sqlite)));
  ready.sort((a, b) => TABLE_ORDER.get(a.table)! - TABLE_ORDER.get(b.table)!);
  const outcome: PageOutcome = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    held: 0,
    highestVersion: null,
  };
  for (const record of ready) {
    outcome[await applyRecord(trx, sqlite, record)] += 1;
    if (outcome.highestVersion === null || record.version > outcome.highestVersion)
      outcome.highestVersion = record.version;
  }
  keepHeld(sqlite, ready, held, now);
  outcome.held = held.length;
  return outcome;
}
