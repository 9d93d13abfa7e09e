import type BetterSqlite3 from 'better-sqlite3';
import type { Transaction } from 'kysely';
import {
  SYNC_RECORD_TABLES,
  type PulledRecord,
  type SyncRecordTable,
} from '@shared/sync/records-contract';
import type { ChangeStamp } from '../../core/changes';
import { unpushedEntry } from '../../core/pushed-through';
import type { Database } from '../../db/schema';
import type { HeldInMemory } from './held-in-memory';
import {
  heldCount,
  heldRecords,
  heldWaitingFor,
  keepHeld,
  readyToApply,
  withHeld,
  type Held,
} from './hold-back';
import { NewRows } from './new-rows';
import {
  aliasResolver,
  finishMerge,
  meetDocument,
  RESIDENT_REFERENCES,
  type Merge,
} from './resident-merge';
import { storedRow, updateText, writerFor } from './row-writers';
import { INDEXED_COLUMNS, SearchUpkeep, type StoredRow } from './search-upkeep';
import { prepared } from '../../db/prepared';

/*
 * Applies pulled records to their tables, generically: the hub sends each record as it stands now,
 * with every column it knows. Runs inside the caller's Kysely transaction (the page and its cursor
 * commit together). The row statements go straight to better-sqlite3, which shares the connection
 * and so the transaction, through statements prepared once: a first sync applies a hundred
 * thousand records, and a plain insert or update never leaves the synchronous path. Only a resident
 * that meets a local record of the same document takes the merge's Kysely path (resident-merge.ts).
 */

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
     WHERE table_name = ? AND record_id = ? AND ${unpushedEntry('outbox')}`,
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

export type ApplyOutcome = 'inserted' | 'updated' | 'unchanged';

type Trx = Transaction<Database>;

const REFERRING_TABLES: ReadonlySet<string> = new Set(RESIDENT_REFERENCES.map((r) => r.table));

/** What applying a page needs beside the row. */
interface PageContext {
  trx: Trx;
  sqlite: BetterSqlite3.Database;
  /** The stamp of the merges it may make here. */
  stamp: ChangeStamp;
  /** Null while no resident was ever merged here. */
  resolveResident: ((residentId: string) => string) | null;
  upkeep: SearchUpkeep;
  /** The slice's new records not written yet: written before anything else writes. */
  newRows: NewRows;
  /** The documents of the residents written in this slice, whose bigrams may wait in `upkeep`. */
  documents: Set<string>;
}

const documentKey = (columns: Record<string, unknown>) =>
  `${String(columns.doc_type)}\u0000${String(columns.doc_number)}`;

/** The pulled record as this terminal writes it: a merged resident named by its survivor. */
function resolved(pulled: PulledRecord, context: PageContext): PulledRecord {
  const resident = pulled.columns.resident_id;
  if (!context.resolveResident || !REFERRING_TABLES.has(pulled.table)) return pulled;
  if (typeof resident !== 'string') return pulled;
  const survivor = context.resolveResident(resident);
  if (survivor === resident) return pulled;
  return { ...pulled, columns: { ...pulled.columns, resident_id: survivor } };
}

/**
 * A pulled resident meeting a local record of its document. meetDocument may tombstone and unindex
 * a resident written earlier in this slice, whose bigrams must then be written first.
 */
async function meetLocal(
  pulled: PulledRecord,
  local: StoredRow | undefined,
  context: PageContext,
): Promise<{ record: PulledRecord; merge: Merge | null }> {
  const record = { ...pulled, columns: { ...pulled.columns } };
  if (context.documents.has(documentKey({ ...local, ...record.columns }))) {
    context.newRows.flush();
    context.upkeep.flush();
  }
  const merge = await meetDocument(context.trx, context.sqlite, context.stamp, record, local);
  return { record, merge };
}

async function applyRecord(pulled: PulledRecord, context: PageContext): Promise<ApplyOutcome> {
  const { sqlite, upkeep } = context;
  const { table, recordId } = pulled;
  const local = storedRow(sqlite, table, recordId);
  // Versions are hybrid-clock text that sorts in clock order; equal is the same change seen twice.
  if (local && (local.version as string) >= pulled.version) return 'unchanged';
  const kept = local ? pendingColumns(sqlite, table, recordId) : null;
  if (kept === 'all') return 'unchanged';
  let record = resolved(pulled, context);
  let merge: Merge | null = null;
  if (table === 'residents') ({ record, merge } = await meetLocal(record, local, context));
  const writer = writerFor(sqlite, table, record.columns);
  if (table === 'residents') context.documents.add(documentKey({ ...local, ...record.columns }));
  let outcome: ApplyOutcome;
  if (!local) {
    context.newRows.add(writer, record);
    outcome = 'inserted';
  } else {
    context.newRows.flush();
    const names = kept?.size ? writer.names.filter((name) => !kept.has(name)) : writer.names;
    if (names.length === 0) return 'unchanged';
    const values = names.map((name) => record.columns[name] ?? null);
    const update =
      names === writer.names ? writer.update : prepared(sqlite, updateText(table, names));
    update.run(...values, recordId);
    const indexed = INDEXED_COLUMNS.get(table);
    if (indexed) {
      const after: StoredRow = { ...local };
      names.forEach((name, i) => (after[name] = values[i]));
      upkeep.keep(table, local, after);
    }
    outcome = 'updated';
  }
  if (merge) {
    // The merge may index the record just written again (a filled-in survivor): its own entries first.
    context.newRows.flush();
    upkeep.flush();
    await finishMerge(context.trx, sqlite, context.stamp, merge);
    context.resolveResident = aliasResolver(sqlite);
  }
  return outcome;
}

const heldKey = (record: PulledRecord) => `${record.table}\u0000${record.recordId}`;

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
 * Applies one page inside `trx`, with every record held back by earlier pages when `retryHeld`,
 * else with those that a record of the page may release (waiting for it). Parents first where both
 * are at hand (residents before cases, for the triggers that look a case's resident up); foreign
 * keys are checked as each statement runs, or at commit when the slice writes a parent after its
 * child (hold-back.ts), and a record whose parent is not at hand waits (hold-back.ts): in
 * `inMemory` when given (a pull's pages, held-in-memory.ts), else in sync_pull_held.
 */
export async function applyPulledPage(
  trx: Trx,
  sqlite: BetterSqlite3.Database,
  page: readonly PulledRecord[],
  stamp: ChangeStamp,
  retryHeld = true,
  inMemory?: HeldInMemory,
): Promise<PageOutcome> {
  const now = stamp.stamper.nowIso();
  // Nearly always none: a slice then neither looks held records up nor deletes its own from there.
  const anyStored = heldCount(sqlite) > 0;
  const heldBefore = {
    held: !anyStored ? [] : retryHeld ? heldRecords(sqlite) : heldWaitingFor(sqlite, page),
    whole: retryHeld || !anyStored,
  };
  const stored = heldBefore.held.map((entry) => entry.record);
  const fromMemory = inMemory ? inMemory.releasedBy([...page, ...stored]) : [];
  const candidates = withHeld(page, [...stored, ...fromMemory]);
  const { ready, held: stillHeld, parentAfter } = readyToApply(sqlite, candidates);
  // Only when a parent is written after its child: the pragma expires every statement prepared on
  // the connection, and each slice then compiled again all it ran (7% of a pull's CPU). Otherwise
  // each parent is here before its child and the foreign keys hold statement by statement.
  if (parentAfter) prepared(sqlite, 'PRAGMA defer_foreign_keys = ON').run();
  ready.sort((a, b) => TABLE_ORDER.get(a.table)! - TABLE_ORDER.get(b.table)!);
  const outcome: PageOutcome = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    held: 0,
    highestVersion: null,
  };
  const upkeep = new SearchUpkeep(sqlite);
  const context: PageContext = {
    trx,
    sqlite,
    stamp,
    resolveResident: aliasResolver(sqlite),
    upkeep,
    newRows: new NewRows(sqlite, upkeep),
    documents: new Set(),
  };
  for (const record of ready) {
    outcome[await applyRecord(record, context)] += 1;
    if (outcome.highestVersion === null || record.version > outcome.highestVersion)
      outcome.highestVersion = record.version;
  }
  context.newRows.flush();
  context.upkeep.flush();
  keepHeld(
    sqlite,
    ready,
    heldToStore(stillHeld, ready, heldBefore.held, inMemory),
    now,
    heldBefore,
  );
  outcome.held = heldCount(sqlite) + (inMemory?.size ?? 0);
  return outcome;
}

/**
 * The held records to write to sync_pull_held: all of them without `inMemory`; with it, those that
 * were stored there already and those `inMemory` gives up (held too long, or the pull's end).
 */
function heldToStore(
  held: readonly Held[],
  applied: readonly PulledRecord[],
  before: readonly Held[],
  inMemory: HeldInMemory | undefined,
): readonly Held[] {
  if (!inMemory) return held;
  const stored = new Set(before.map((entry) => heldKey(entry.record)));
  const kept = held.filter((entry) => stored.has(heldKey(entry.record)));
  const carried = held.filter((entry) => !stored.has(heldKey(entry.record)));
  // A record stored again in sync_pull_held leaves memory as an applied one does: an older copy
  // held there would pin the cursor and be stored again at the pull's end over the newer one.
  const leaving = [...applied, ...kept.map((entry) => entry.record)];
  return [...kept, ...inMemory.take(carried, leaving)];
}
