import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import {
  SYNC_RECORD_TABLES,
  type PulledRecord,
  type SyncRecordTable,
} from '@shared/sync/records-contract';
import type { ChangeStamp } from '../../core/changes';
import type { Database } from '../../db/schema';
import { heldRecords, keepHeld, readyToApply, withHeld } from './hold-back';
import { pullableColumns } from './local-columns';
import { aliasResolver, finishMerge, meetDocument, RESIDENT_REFERENCES } from './resident-merge';
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

type Trx = Transaction<Database>;

const REFERRING_TABLES: ReadonlySet<string> = new Set(RESIDENT_REFERENCES.map((r) => r.table));

/** What applying a page needs beside the row: the stamp of the merges it may make here. */
interface PageContext {
  stamp: ChangeStamp;
  /** Null while no resident was ever merged here. */
  resolveResident: ((residentId: string) => string) | null;
}

async function applyRecord(
  trx: Trx,
  sqlite: BetterSqlite3.Database,
  pulled: PulledRecord,
  context: PageContext,
): Promise<ApplyOutcome> {
  const { table, recordId } = pulled;
  const local = storedRow(sqlite, table, recordId);
  // Versions are hybrid-clock text that sorts in clock order; equal is the same change seen twice.
  if (local && (local.version as string) >= pulled.version) return 'unchanged';
  const record = { ...pulled, columns: { ...pulled.columns } };
  const resident = record.columns.resident_id;
  if (context.resolveResident && REFERRING_TABLES.has(table) && typeof resident === 'string')
    record.columns.resident_id = context.resolveResident(resident);
  const allowed = pullableColumns(sqlite, table);
  const kept = local ? pendingColumns(sqlite, table, recordId) : new Set<string>();
  if (kept === 'all') return 'unchanged';
  const merge =
    table === 'residents' ? await meetDocument(trx, sqlite, context.stamp, record, local) : null;
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
  if (merge) {
    await finishMerge(trx, sqlite, context.stamp, merge);
    context.resolveResident = aliasResolver(sqlite);
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
  trx: Trx,
  sqlite: BetterSqlite3.Database,
  page: readonly PulledRecord[],
  stamp: ChangeStamp,
): Promise<PageOutcome> {
  const now = stamp.stamper.nowIso();
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
  const context: PageContext = { stamp, resolveResident: aliasResolver(sqlite) };
  for (const record of ready) {
    outcome[await applyRecord(trx, sqlite, record, context)] += 1;
    if (outcome.highestVersion === null || record.version > outcome.highestVersion)
      outcome.highestVersion = record.version;
  }
  keepHeld(sqlite, ready, held, now);
  outcome.held = held.length;
  return outcome;
}
