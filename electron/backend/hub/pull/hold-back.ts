import type BetterSqlite3 from 'better-sqlite3';
import type { PulledRecord, SyncRecordTable } from '@shared/sync/records-contract';
import { prepared } from '../../db/prepared';

/*
 * A pulled record whose parent (by foreign key) is neither here nor coming in the same page is held
 * back in sync_pull_held and tried again with every later page, so that the page commits (foreign
 * keys are checked at its commit) and the cursor moves on. See the migration 2026_12_07_0201.
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

/**
 * Splits the candidates into those whose every parent is here or among the others that are ready,
 * and those that must wait. Repeated until nothing moves: a case held back holds back its materials.
 */
export function readyToApply(
  sqlite: BetterSqlite3.Database,
  candidates: readonly PulledRecord[],
): { ready: PulledRecord[]; held: PulledRecord[] } {
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
  const held: PulledRecord[] = [];
  for (;;) {
    const coming = new Set(ready.map((record) => key(record.table, record.recordId)));
    const missing = (record: PulledRecord) =>
      foreignKeys(sqlite, record.table).some((fk) => {
        const value = record.columns[fk.from];
        if (value === null || value === undefined) return false;
        if (fk.to === 'id' && coming.has(key(fk.parent, String(value)))) return false;
        return !exists(fk.parent, fk.to, value);
      });
    const waiting = ready.filter(missing);
    if (waiting.length === 0) return { ready, held };
    held.push(...waiting);
    const stillWaiting = new Set(waiting);
    ready = ready.filter((record) => !stillWaiting.has(record));
  }
}

/**
 * The records held back so far, as pulled. They were checked against the contract when they
 * arrived and written here by keepHeld: a first sync reads a thousand or more of them with every
 * page, and checking them again each time cost more than applying the page.
 */
export function heldRecords(sqlite: BetterSqlite3.Database): PulledRecord[] {
  const rows = prepared(sqlite, 'SELECT record FROM sync_pull_held').pluck().all() as string[];
  return rows.map((row) => JSON.parse(row) as PulledRecord);
}

/**
 * Rewrites the held set: the ones applied leave it, the ones still waiting stay (newest version).
 * `heldBefore`, the held set read in this transaction (null when it was not read), spares the
 * statements that would change nothing: a record held before and still held at the same version,
 * and an applied record that was never held.
 */
export function keepHeld(
  sqlite: BetterSqlite3.Database,
  applied: readonly PulledRecord[],
  held: readonly PulledRecord[],
  now: string,
  heldBefore: readonly PulledRecord[] | null,
): void {
  const before =
    heldBefore && new Map(heldBefore.map((record) => [key(record.table, record.recordId), record]));
  // A newer version held back stays: it is applied when its parent arrives.
  const remove = prepared(
    sqlite,
    'DELETE FROM sync_pull_held WHERE table_name = ? AND record_id = ? AND version <= ?',
  );
  for (const record of applied) {
    if (before && !before.has(key(record.table, record.recordId))) continue;
    remove.run(record.table, record.recordId, record.version);
  }
  const hold = prepared(
    sqlite,
    `INSERT INTO sync_pull_held (table_name, record_id, version, record, held_at)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (table_name, record_id) DO UPDATE SET version = excluded.version,
      record = excluded.record WHERE excluded.version > sync_pull_held.version`,
  );
  for (const record of held) {
    if (before?.get(key(record.table, record.recordId))?.version === record.version) continue;
    hold.run(record.table, record.recordId, record.version, JSON.stringify(record), now);
  }
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
