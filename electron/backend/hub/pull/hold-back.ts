import type BetterSqlite3 from 'better-sqlite3';
import {
  SYNC_RECORD_TABLES,
  type PulledRecord,
  type SyncRecordTable,
} from '@shared/sync/records-contract';
import { prepared } from '../../db/prepared';

/*
 * A pulled record whose parent (by foreign key) is neither here nor coming in the same page is held
 * back in sync_pull_held and tried again with every later page, so that the page's foreign keys hold
 * when it commits and the cursor moves on. See the migration 2026_12_07_0201.
 */

interface ForeignKey {
  from: string;
  parent: string;
  to: string;
}

const keyCache = new WeakMap<BetterSqlite3.Database, Map<string, ForeignKey[]>>();

function foreignKeys(sqlite: BetterSqlite3.Database, table: SyncRecordTable): ForeignKey[] {
  let tables = keyCache.get(sqlite);
  if (!tables) {
    tables = new Map();
    keyCache.set(sqlite, tables);
  }
  let keys = tables.get(table);
  if (!keys) {
    const rows = sqlite
      .prepare('SELECT "from", "table" AS parent, "to" FROM pragma_foreign_key_list(?)')
      .all(table) as { from: string; parent: string; to: string | null }[];
    keys = rows.map((row) => ({ ...row, to: row.to ?? 'id' }));
    tables.set(table, keys);
  }
  return keys;
}

const key = (table: string, id: string) => `${table}\u0000${id}`;

/** The record a held one waits for, as sync_pull_held.waits_for stores it. */
const waitKey = (table: string, id: string) => `${table}/${id}`;

/** A record held back, with the record it waits for (null: a parent named by another column). */
export interface Held {
  record: PulledRecord;
  waitsFor: string | null;
}

const TABLE_RANK = new Map<string, number>(SYNC_RECORD_TABLES.map((table, i) => [table, i]));

const parentTableCache = new WeakMap<BetterSqlite3.Database, ReadonlySet<string>>();

/** The synced tables some synced table refers to by id: only their records can release one held. */
function parentTables(sqlite: BetterSqlite3.Database): ReadonlySet<string> {
  let parents = parentTableCache.get(sqlite);
  if (!parents) {
    parents = new Set(
      SYNC_RECORD_TABLES.flatMap((table) =>
        foreignKeys(sqlite, table)
          .filter((fk) => fk.to === 'id')
          .map((fk) => fk.parent),
      ),
    );
    parentTableCache.set(sqlite, parents);
  }
  return parents;
}

/**
 * Splits the candidates into those whose every parent is here or among the others that are ready,
 * and those that must wait. Repeated until nothing moves: a case held back holds back its materials.
 * `parentAfter`: some ready record's parent is among the ready ones in a table applied at or after
 * its own (an attachment of an event report), so that the foreign keys can hold only at commit.
 */
export function readyToApply(
  sqlite: BetterSqlite3.Database,
  candidates: readonly PulledRecord[],
): { ready: PulledRecord[]; held: Held[]; parentAfter: boolean } {
  // A page's cases share a handful of items and units: each parent is looked up once.
  const found = new Map<string, boolean>();
  const exists = (parent: string, column: string, value: unknown) => {
    const k = `${parent}\u0000${column}\u0000${String(value)}`;
    let here = found.get(k);
    if (here === undefined) {
      const probe = prepared(sqlite, `SELECT 1 FROM "${parent}" WHERE "${column}" = ?`);
      here = probe.get(value) !== undefined;
      found.set(k, here);
    }
    return here;
  };
  let ready = [...candidates];
  const held: Held[] = [];
  let parentAfter = false;
  for (;;) {
    // Judged again on each pass: a parent among those a pass holds back does not count.
    parentAfter = false;
    const coming = new Set(ready.map((record) => key(record.table, record.recordId)));
    /** The first parent missing: undefined when none is, null when it is not named by id. */
    const missing = (record: PulledRecord): string | null | undefined => {
      for (const fk of foreignKeys(sqlite, record.table)) {
        const value = record.columns[fk.from];
        if (value === null || value === undefined) continue;
        if (fk.to === 'id' && coming.has(key(fk.parent, String(value)))) {
          if (TABLE_RANK.get(fk.parent)! >= TABLE_RANK.get(record.table)!) parentAfter = true;
          continue;
        }
        if (exists(fk.parent, fk.to, value)) continue;
        return fk.to === 'id' ? waitKey(fk.parent, String(value)) : null;
      }
      return undefined;
    };
    const waiting = new Set<PulledRecord>();
    for (const record of ready) {
      const waitsFor = missing(record);
      if (waitsFor === undefined) continue;
      held.push({ record, waitsFor });
      waiting.add(record);
    }
    if (waiting.size === 0) return { ready, held, parentAfter };
    ready = ready.filter((record) => !waiting.has(record));
  }
}

/**
 * The records held back so far, as pulled. They were checked against the contract when they
 * arrived and written here by keepHeld: a first sync reads a thousand or more of them with every
 * page, and checking them again each time cost more than applying the page.
 */
export function heldRecords(sqlite: BetterSqlite3.Database): Held[] {
  const rows = prepared(sqlite, 'SELECT record, waits_for FROM sync_pull_held').all() as HeldRow[];
  return rows.map(asHeld);
}

interface HeldRow {
  record: string;
  waits_for: string | null;
}

const asHeld = (row: HeldRow): Held => ({
  record: JSON.parse(row.record) as PulledRecord,
  waitsFor: row.waits_for,
});

/**
 * The held records that these records may release: those waiting for one of them, and, as each
 * released one may release others, those waiting for these in turn. A held record whose parent
 * came any other way is tried with a pull's last page (heldRecords).
 */
export function heldWaitingFor(
  sqlite: BetterSqlite3.Database,
  records: readonly PulledRecord[],
): Held[] {
  const parents = parentTables(sqlite);
  // One statement per round, not per record: a first sync's slice brings hundreds of parents.
  const waiting = prepared(
    sqlite,
    `SELECT record, waits_for FROM sync_pull_held
     WHERE waits_for IN (SELECT value FROM json_each(?))`,
  );
  const found: Held[] = [];
  const asked = new Set<string>();
  let next = records;
  while (next.length > 0) {
    const keys: string[] = [];
    for (const record of next) {
      const k = waitKey(record.table, record.recordId);
      if (!parents.has(record.table) || asked.has(k)) continue;
      asked.add(k);
      keys.push(k);
    }
    if (keys.length === 0) break;
    const held = (waiting.all(JSON.stringify(keys)) as HeldRow[]).map(asHeld);
    found.push(...held);
    next = held.map((entry) => entry.record);
  }
  return found;
}

export function heldCount(sqlite: BetterSqlite3.Database): number {
  return prepared(sqlite, 'SELECT count(*) FROM sync_pull_held').pluck().get() as number;
}

/**
 * Rewrites the held set: the ones applied leave it, the ones still waiting stay (newest version,
 * with what they wait for now). `heldBefore` spares the statements that would change nothing: a
 * record held before and still held as it was, and, when it is the whole held set (`whole`), an
 * applied record that was never held.
 */
export function keepHeld(
  sqlite: BetterSqlite3.Database,
  applied: readonly PulledRecord[],
  held: readonly Held[],
  now: string,
  heldBefore: { held: readonly Held[]; whole: boolean },
): void {
  const before = new Map(
    heldBefore.held.map((entry) => [key(entry.record.table, entry.record.recordId), entry]),
  );
  // A newer version held back stays: it is applied when its parent arrives. One statement for the
  // slice: a first sync applies every record through here, nearly none of them ever held.
  const remove = prepared(
    sqlite,
    `DELETE FROM sync_pull_held WHERE rowid IN (
       SELECT h.rowid FROM json_each(?) a JOIN sync_pull_held h
         ON h.table_name = a.value ->> 0 AND h.record_id = a.value ->> 1
       WHERE h.version <= a.value ->> 2)`,
  );
  const leaving = applied
    .filter((record) => !heldBefore.whole || before.has(key(record.table, record.recordId)))
    .map((record) => [record.table, record.recordId, record.version]);
  if (leaving.length > 0) remove.run(JSON.stringify(leaving));
  const hold = prepared(
    sqlite,
    `INSERT INTO sync_pull_held (table_name, record_id, version, record, held_at, waits_for)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (table_name, record_id) DO UPDATE SET version = excluded.version,
      record = excluded.record, waits_for = excluded.waits_for
      WHERE excluded.version >= sync_pull_held.version`,
  );
  for (const { record, waitsFor } of held) {
    const was = before.get(key(record.table, record.recordId));
    if (was && was.record.version === record.version && was.waitsFor === waitsFor) continue;
    hold.run(record.table, record.recordId, record.version, JSON.stringify(record), now, waitsFor);
  }
}

const rankOf = (record: unknown) =>
  TABLE_RANK.get(String((record as { table?: unknown } | null)?.table)) ??
  SYNC_RECORD_TABLES.length;

/**
 * An arriving page's records with parents' tables first (records-contract's table order), each
 * table's records in feed order. The feed is in order of each record's last change, so a case's
 * materials, written at intake, come before the case itself, last changed when it was completed:
 * sliced in feed order, most materials of a first sync were held (written to sync_pull_held as JSON,
 * read back, deleted) until their case's slice. A page's slices commit without its cursor, so their
 * order within the page is free: a cut pulls the page again, and what was written is then an equal
 * version. Records not yet checked against the contract (a bad one refuses its slice either way).
 */
export function parentsFirst(records: readonly unknown[]): unknown[] {
  return records
    .map((record, i) => ({ record, i, rank: rankOf(record) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((entry) => entry.record);
}

/**
 * The page's records with the held ones that a page record does not supersede: one candidate per
 * record, the newest version.
 */
export function withHeld(
  page: readonly PulledRecord[],
  held: readonly PulledRecord[],
): PulledRecord[] {
  const byKey = new Map<string, PulledRecord>();
  for (const record of [...held, ...page]) {
    const k = key(record.table, record.recordId);
    const known = byKey.get(k);
    if (!known || known.version < record.version) byKey.set(k, record);
  }
  return [...byKey.values()];
}
