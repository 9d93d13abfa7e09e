import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { mergeEntry, type ColumnValue } from '@shared/sync/merge';
import { SYNC_RECORD_TABLES, type SyncRecordTable } from '@shared/sync/records-contract';
import { packFieldVersions } from '../../upstream/src/sync/record-store';
import {
  namedAccess,
  nextVisibility,
  residentsNamed,
  rootOf,
  type Access,
  type Columns,
  type ParentOf,
  type RootTable,
} from '../../upstream/src/sync/routing';

/**
 * Fills a throw-away hub's record tables with every synced record of a terminal's database, as the
 * hub would hold them had that terminal pushed them all: each record shaped by the hub's own merge
 * of a first insert (merge.ts, packFieldVersions), each root seen by the units the hub's routing
 * gives it (routing.ts: namedAccess, nextVisibility, residentsNamed), and each record in the feed of
 * every unit that sees its root, numbered in the order of the versions that wrote them. Bench set-up
 * only: multi-row inserts in large transactions instead of the push's per-entry work.
 */

export interface HubLoad {
  /** Records per table in the terminal's database. */
  source: Map<SyncRecordTable, number>;
  /** Records per table that `viewer` sees on the hub after the load. */
  seen: Map<SyncRecordTable, number>;
  /** Records whose root column is empty (the hub refuses them): left out. */
  unrooted: number;
  feedRows: number;
  seconds: number;
}

const BATCH = 2000;

/** Access maps are shared: a township's ten years have few distinct sets of units. */
class Sights {
  private readonly interned = new Map<string, ReadonlyMap<string, Access>>();
  readonly byRoot = new Map<string, ReadonlyMap<string, Access>>();

  set(rootId: string, access: ReadonlyMap<string, Access>): void {
    const key = [...access]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([unit, kind]) => `${unit}:${kind}`)
      .join(',');
    let shared = this.interned.get(key);
    if (!shared) {
      shared = new Map(access);
      this.interned.set(key, shared);
    }
    this.byRoot.set(rootId, shared);
  }
}

function rows<T>(sqlite: BetterSqlite3.Database, query: string): IterableIterator<T> {
  return sqlite.prepare(query).iterate() as IterableIterator<T>;
}

/**
 * Who sees each root once the hub has taken every record: a case, dispute or event report by the
 * units its columns name and those above them; a resident by its own unit and by every unit that
 * sees a case or dispute naming them.
 */
function visibility(sqlite: BetterSqlite3.Database, parents: ParentOf): Sights {
  const sights = new Sights();
  const residentReaders = new Map<string, Set<string>>();
  const readBy = (residentIds: string[], units: Iterable<string>) => {
    for (const id of residentIds) {
      const set = residentReaders.get(id) ?? new Set<string>();
      for (const unit of units) set.add(unit);
      residentReaders.set(id, set);
    }
  };
  const root = (table: RootTable, id: string, columns: Columns, readers: string[] = []) => {
    const { next } = nextVisibility(new Map(), namedAccess(table, columns, readers, parents));
    sights.set(id, next);
    return next;
  };

  for (const c of rows<Columns & { id: string }>(
    sqlite,
    'SELECT id, org_unit_id, agency_org_id, resident_id FROM cases',
  )) {
    readBy(residentsNamed('cases', c), root('cases', c.id, c).keys());
  }
  const readers = new Map<string, string[]>();
  for (const r of rows<{ dispute_id: string; reader_org_id: string }>(
    sqlite,
    'SELECT dispute_id, reader_org_id FROM dispute_readers WHERE deleted_at IS NULL',
  )) {
    readers.set(r.dispute_id, [...(readers.get(r.dispute_id) ?? []), r.reader_org_id]);
  }
  const parties = new Map<string, (string | null)[]>();
  for (const p of rows<{ dispute_id: string; resident_id: string | null }>(
    sqlite,
    'SELECT dispute_id, resident_id FROM dispute_parties WHERE deleted_at IS NULL',
  )) {
    parties.set(p.dispute_id, [...(parties.get(p.dispute_id) ?? []), p.resident_id]);
  }
  for (const d of rows<Columns & { id: string }>(sqlite, 'SELECT id, org_unit_id FROM disputes')) {
    const units = root('disputes', d.id, d, readers.get(d.id) ?? []);
    readBy(residentsNamed('disputes', d, parties.get(d.id) ?? []), units.keys());
  }
  for (const e of rows<Columns & { id: string }>(
    sqlite,
    'SELECT id, org_unit_id, receiving_org_id FROM event_reports',
  )) {
    root('event_reports', e.id, e);
  }
  for (const r of rows<Columns & { id: string }>(sqlite, 'SELECT id, org_unit_id FROM residents')) {
    const { next } = nextVisibility(
      new Map(),
      namedAccess('residents', r),
      residentReaders.get(r.id) ?? [],
    );
    sights.set(r.id, next);
  }
  return sights;
}

async function insertVisibility(client: pg.Client, county: string, sights: Sights) {
  let batch: { root: string; unit: string; access: Access }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(
      `INSERT INTO sync_visibility (county_code, root_id, unit_id, access)
       SELECT $1, r.root, r.unit, r.access
       FROM jsonb_to_recordset($2::jsonb) AS r(root text, unit text, access text)`,
      [county, JSON.stringify(batch)],
    );
    batch = [];
  };
  for (const [root, access] of sights.byRoot) {
    for (const [unit, kind] of access) batch.push({ root, unit, access: kind });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
}

interface Shaped {
  table: string;
  id: string;
  owner: string;
  rootTable: RootTable;
  rootId: string;
  version: string;
  columns: Record<string, ColumnValue>;
  fieldVersions: Record<string, string | null>;
  deleted: boolean;
  origin: string;
}

/** The record as the hub's merge makes it of its first insert. */
function shape(table: SyncRecordTable, row: Record<string, unknown>): Shaped | null {
  const columns = row as Record<string, ColumnValue>;
  for (const [column, value] of Object.entries(columns)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${table}.${column} holds a ${typeof value}: not a column the sync carries`);
    }
  }
  const id = String(columns.id);
  const root = rootOf(table, id, columns);
  if (!root) return null;
  const version = String(columns.version);
  const origin = String(columns.origin_terminal_id);
  const merged = mergeEntry(null, {
    op: 'insert',
    baseVersion: null,
    version,
    columns,
    at: String(columns.updated_at),
    terminalId: origin,
    by: typeof columns.updated_by === 'string' ? columns.updated_by : null,
  });
  if (merged.outcome !== 'merged')
    throw new Error(`${table} ${id}: the merge says ${merged.outcome}`);
  const { record } = merged;
  return {
    table,
    id,
    owner: String(columns.org_unit_id),
    rootTable: root.rootTable,
    rootId: root.rootId,
    version: record.version,
    columns: record.columns,
    fieldVersions: packFieldVersions(record.columns, record.fieldVersions, record.takenFrom),
    deleted: record.deleted,
    origin,
  };
}

async function insertRecords(client: pg.Client, county: string, batch: Shaped[]) {
  await client.query(
    `INSERT INTO sync_records (county_code, table_name, record_id, org_unit_id, root_table, root_id,
       version, columns, field_versions, deleted, origin_terminal_id, updated_at)
     SELECT $1, r.table, r.id, r.owner, r."rootTable", r."rootId", r.version, r.columns,
       r."fieldVersions", r.deleted, r.origin, now()
     FROM jsonb_to_recordset($2::jsonb) AS r("table" text, id text, owner text, "rootTable" text,
       "rootId" text, version text, columns jsonb, "fieldVersions" jsonb, deleted boolean,
       origin text)`,
    [county, JSON.stringify(batch)],
  );
}

/**
 * Loads every synced record of `sqlite` into the county `county` of the hub behind `client` (its
 * org tree already there), and says how many of each table `viewer` sees.
 */
export async function loadTerminalIntoHub(
  sqlite: BetterSqlite3.Database,
  client: pg.Client,
  county: string,
  viewer: string,
): Promise<HubLoad> {
  const started = performance.now();
  const tree = await client.query<{ id: string; parent_id: string | null }>(
    'SELECT id, parent_id FROM org_units WHERE county_code = $1',
    [county],
  );
  const parents: ParentOf = new Map(tree.rows.map((unit) => [unit.id, unit.parent_id]));
  const sights = visibility(sqlite, parents);
  const source = new Map<SyncRecordTable, number>();
  const seen = new Map<SyncRecordTable, number>();
  let unrooted = 0;

  await client.query('BEGIN');
  await insertVisibility(client, county, sights);
  for (const table of SYNC_RECORD_TABLES) {
    source.set(table, 0);
    seen.set(table, 0);
    let batch: Shaped[] = [];
    for (const row of rows<Record<string, unknown>>(sqlite, `SELECT * FROM ${table}`)) {
      source.set(table, source.get(table)! + 1);
      const record = shape(table, row);
      if (!record) {
        unrooted += 1;
        continue;
      }
      if (sights.byRoot.get(record.rootId)?.has(viewer)) seen.set(table, seen.get(table)! + 1);
      batch.push(record);
      if (batch.length >= BATCH) {
        await insertRecords(client, county, batch);
        batch = [];
      }
    }
    if (batch.length > 0) await insertRecords(client, county, batch);
  }
  // The push numbers changes in the order terminals made them; one number per record, in the feed
  // of every unit that sees its root.
  const feed = await client.query(
    `INSERT INTO sync_feed (county_code, unit_id, table_name, record_id, seq)
     SELECT $1, v.unit_id, o.table_name, o.record_id, o.seq
     FROM (SELECT table_name, record_id, root_id,
             row_number() OVER (ORDER BY version, table_name, record_id) AS seq
           FROM sync_records WHERE county_code = $1) o
     JOIN sync_visibility v ON v.county_code = $1 AND v.root_id = o.root_id`,
    [county],
  );
  await client.query(
    `INSERT INTO sync_sequences (county_code, last_seq)
     SELECT $1, count(*) FROM sync_records WHERE county_code = $1
     ON CONFLICT (county_code) DO UPDATE SET last_seq = excluded.last_seq`,
    [county],
  );
  await client.query('COMMIT');
  await client.query('ANALYZE');
  return {
    source,
    seen,
    unrooted,
    feedRows: feed.rowCount ?? 0,
    seconds: (performance.now() - started) / 1000,
  };
}
