import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import {
  SYNC_REJECTION_MESSAGES,
  type PushRejection,
  type SyncRecordTable,
  type SyncRejectionCode,
} from '@shared/sync/records-contract';
import type { HubDatabase } from '../db/schema';
import type { Access, Columns, RootTable } from './routing';

/** SQL of the push: the hub's records, their visibility and feed, and the push's bookkeeping. */

export type Trx = Transaction<HubDatabase>;

/** One record as the hub holds it (sync_records). */
export interface HubRecord {
  table: SyncRecordTable;
  recordId: string;
  orgUnitId: string;
  rootTable: RootTable;
  rootId: string;
  version: string;
  columns: Columns;
  fieldVersions: Record<string, string>;
  /** Terminal → the newest version of its changes the record took (merge.ts). */
  takenFrom?: Record<string, string>;
  deleted: boolean;
  /**
   * Held in sync_records before this push: written back by an upsert. A record the push creates is
   * written by a plain INSERT (writeRecords).
   */
  stored: boolean;
  /** The change's number within the push (1..n), for its feed rows; -1 when not changed. */
  changeSeq: number;
  originTerminalId: string;
}

export const recordKey = (table: string, recordId: string) => `${table}/${recordId}`;

/** Rows per statement: far below PostgreSQL's 65,535 parameters for the widest table here. */
const CHUNK = 1000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * The last seq decided for (terminal, epoch), locked for the transaction: a second push of the same
 * terminal waits here, then sees what the first committed. A new epoch starts just before its first
 * entry (after a restore the terminal's seqs go on from the restored database's).
 */
export async function lockProgress(
  trx: Trx,
  countyCode: string,
  terminalId: string,
  epoch: string,
  startAfter: number,
  now: Date,
): Promise<number> {
  const row = await trx
    .insertInto('sync_terminal_progress')
    .values({
      county_code: countyCode,
      terminal_id: terminalId,
      epoch,
      last_seq: startAfter,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['county_code', 'terminal_id', 'epoch'])
        .doUpdateSet({ last_seq: sql`sync_terminal_progress.last_seq` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export async function readProgress(
  db: Trx | Kysely<HubDatabase>,
  countyCode: string,
  terminalId: string,
  epoch: string,
): Promise<number> {
  const row = await db
    .selectFrom('sync_terminal_progress')
    .select('last_seq')
    .where('county_code', '=', countyCode)
    .where('terminal_id', '=', terminalId)
    .where('epoch', '=', epoch)
    .executeTakeFirst();
  return Number(row?.last_seq ?? 0);
}

export async function saveProgress(
  trx: Trx,
  countyCode: string,
  terminalId: string,
  epoch: string,
  lastSeq: number,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('sync_terminal_progress')
    .set({ last_seq: lastSeq, updated_at: now })
    .where('county_code', '=', countyCode)
    .where('terminal_id', '=', terminalId)
    .where('epoch', '=', epoch)
    .execute();
}

/** What the hub answered for entries it decided before: a repeated push gets the same answer. */
export async function storedAnswers(
  trx: Trx,
  countyCode: string,
  terminalId: string,
  epoch: string,
  from: number,
  to: number,
): Promise<{ rejections: PushRejection[]; clockAhead: number[] }> {
  const [rejections, flags] = await Promise.all([
    trx
      .selectFrom('sync_rejections')
      .select(['seq', 'code', 'message'])
      .where('county_code', '=', countyCode)
      .where('terminal_id', '=', terminalId)
      .where('epoch', '=', epoch)
      .where('seq', '>=', from)
      .where('seq', '<=', to)
      .orderBy('seq')
      .execute(),
    trx
      .selectFrom('sync_clock_flags')
      .select('seq')
      .where('county_code', '=', countyCode)
      .where('terminal_id', '=', terminalId)
      .where('epoch', '=', epoch)
      .where('seq', '>=', from)
      .where('seq', '<=', to)
      .orderBy('seq')
      .execute(),
  ]);
  return {
    rejections: rejections.map((row) => ({
      seq: Number(row.seq),
      code: row.code as SyncRejectionCode,
      message: row.message,
    })),
    clockAhead: flags.map((row) => Number(row.seq)),
  };
}

/** Records this terminal may not change until a person settles an earlier refusal. */
export async function openBlocks(
  trx: Trx,
  countyCode: string,
  terminalId: string,
): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('sync_rejections')
    .select(['table_name', 'record_id'])
    .where('county_code', '=', countyCode)
    .where('terminal_id', '=', terminalId)
    .where('settled_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => recordKey(row.table_name, row.record_id)));
}

export async function settleBlocks(
  trx: Trx,
  countyCode: string,
  terminalId: string,
  records: { table: string; recordId: string }[],
  now: Date,
): Promise<void> {
  for (const part of chunks(records)) {
    await trx
      .updateTable('sync_rejections')
      .set({ settled_at: now })
      .where('county_code', '=', countyCode)
      .where('terminal_id', '=', terminalId)
      .where('settled_at', 'is', null)
      .where((eb) =>
        eb.or(
          part.map((r) =>
            eb.and([eb('table_name', '=', r.table), eb('record_id', '=', r.recordId)]),
          ),
        ),
      )
      .execute();
  }
}

/**
 * field_versions as stored: most columns of a record carry the version of one change (its insert),
 * which the stored map names once under "*"; only the other columns are listed, and a column the
 * record has without a version of its own is listed as null. Written out, a case's map would be
 * larger than the case (40 columns × a 66-character version) and PostgreSQL would compress it on
 * every write. A map without "*" (written by hand in tests) reads as it is. The record's takenFrom
 * travels in the same map, each terminal under "@" and its id: no column name starts with "@".
 */
const MOST = '*';
const TAKEN = '@';

export function packFieldVersions(
  columns: Columns,
  versions: Record<string, string>,
  takenFrom: Record<string, string> = {},
): Record<string, string | null> {
  const packed: Record<string, string | null> = {};
  for (const terminalId in takenFrom) packed[TAKEN + terminalId] = takenFrom[terminalId]!;
  const most = mostCommon(versions);
  if (most === null) return packed;
  packed[MOST] = most;
  for (const column in versions) {
    const version = versions[column]!;
    if (version !== most || !(column in columns)) packed[column] = version;
  }
  for (const column in columns) if (!(column in versions)) packed[column] = null;
  return packed;
}

/** The version most columns carry, the first seen of equals; null when there are none. */
function mostCommon(versions: Record<string, string>): string | null {
  // A record one change wrote (every insert a push brings) has one version: no counting.
  let first: string | null = null;
  let mixed = false;
  for (const column in versions) {
    first ??= versions[column]!;
    if (versions[column] !== first) mixed = true;
  }
  if (!mixed) return first;
  const counts = new Map<string, number>();
  for (const column in versions) {
    const version = versions[column]!;
    counts.set(version, (counts.get(version) ?? 0) + 1);
  }
  let most: string | null = null;
  for (const [version, n] of counts) if (most === null || n > counts.get(most)!) most = version;
  return most;
}

export function unpackFieldVersions(
  columns: Columns,
  packed: Record<string, string | null>,
): { fieldVersions: Record<string, string>; takenFrom?: Record<string, string> } {
  const most = packed[MOST];
  const fieldVersions: Record<string, string> = {};
  let takenFrom: Record<string, string> | undefined;
  if (typeof most === 'string') {
    for (const column of Object.keys(columns)) {
      const own = packed[column];
      if (own !== null) fieldVersions[column] = own ?? most;
    }
  }
  for (const [key, version] of Object.entries(packed)) {
    if (key === MOST || version === null) continue;
    if (key.startsWith(TAKEN)) (takenFrom ??= {})[key.slice(TAKEN.length)] = version;
    else fieldVersions[key] = version;
  }
  return takenFrom ? { fieldVersions, takenFrom } : { fieldVersions };
}

function toHubRecord(row: {
  table_name: string;
  record_id: string;
  org_unit_id: string;
  root_table: string;
  root_id: string;
  version: string;
  columns: Columns;
  field_versions: Record<string, string>;
  deleted: boolean;
  origin_terminal_id: string;
}): HubRecord {
  return {
    table: row.table_name as SyncRecordTable,
    recordId: row.record_id,
    orgUnitId: row.org_unit_id,
    rootTable: row.root_table as RootTable,
    rootId: row.root_id,
    version: row.version,
    columns: row.columns,
    ...unpackFieldVersions(row.columns, row.field_versions),
    deleted: row.deleted,
    stored: true,
    changeSeq: -1,
    originTerminalId: row.origin_terminal_id,
  };
}

/**
 * loadRecords' statement, apart so that a test can read its plan: one index look-up a key, each
 * row locked as it is found, in the order of `keys`. Written as `(table_name, record_id) IN (...)`
 * over the same arrays, PostgreSQL hashed the keys and read the whole table (as in eachRoot).
 */
export function namedRecords(countyCode: string, keys: { table: string; recordId: string }[]) {
  return sql<Selectable<HubDatabase['sync_records']>>`
    SELECT s.* FROM ROWS FROM (
      json_array_elements_text(${column(keys.map((key) => key.table))}::json),
      json_array_elements_text(${column(keys.map((key) => key.recordId))}::json)
    ) AS wanted(table_name, record_id), LATERAL (
      SELECT * FROM sync_records
      WHERE "county_code" = ${countyCode} AND table_name = wanted.table_name
        AND record_id = wanted.record_id
      FOR UPDATE) AS s`;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order the hub locks records in: by code unit, whatever the database's collation. */
const byKey = (a: { table: string; recordId: string }, b: { table: string; recordId: string }) =>
  compareText(a.table, b.table) || compareText(a.recordId, b.recordId);

/**
 * The records named, keyed by recordKey, locked to the commit: a concurrent push of the same records
 * (or of records under the same root) waits, so every merge reads what the last one wrote. In key
 * order (byKey), so that two pushes lock rows they share in the same order. The keys travel as two JSON
 * arrays: as `record_id IN (...)` with a parameter a record, Kysely compiled and PostgreSQL parsed
 * and planned a statement of a thousand parameters on every push.
 */
export async function loadRecords(
  trx: Trx,
  countyCode: string,
  keys: { table: string; recordId: string }[],
): Promise<Map<string, HubRecord>> {
  const found = new Map<string, HubRecord>();
  if (keys.length === 0) return found;
  const unique = new Map(keys.map((key) => [recordKey(key.table, key.recordId), key]));
  const { rows } = await namedRecords(countyCode, [...unique.values()].sort(byKey)).execute(trx);
  for (const row of rows) {
    const record = toHubRecord(row);
    found.set(recordKey(record.table, record.recordId), record);
  }
  return found;
}

/**
 * The rows of the roots named, one index look-up a root: a lateral subquery per root behind OFFSET 0,
 * which PostgreSQL neither flattens into a join nor turns into a scan. Written as `root_id IN (...)`
 * with a push's thousand new roots, the planner priced a thousand index probes above reading the
 * whole table (random_page_cost's 4 for pages that are all in memory) and chose a sequential scan of
 * sync_records and sync_visibility: 40 ms a push at 100,000 rows, growing with the county's records
 * until the table is large enough to tip the estimate back.
 */
function eachRoot(rootIds: string[]) {
  return sql`json_array_elements_text(${column([...new Set(rootIds)])}::json) AS wanted(root_id)`;
}

/** loadRootMembers' statement, apart so that a test can read its plan. */
export function rootMembers(
  countyCode: string,
  rootIds: string[],
  tables: SyncRecordTable[] | null,
) {
  const inTables = tables ? sql`AND table_name IN (${sql.join(tables)})` : sql``;
  return sql<{
    table_name: string;
    record_id: string;
    root_id: string;
    deleted: boolean;
    resident_id: string | null;
    reader_org_id: string | null;
  }>`
    SELECT m.* FROM ${eachRoot(rootIds)}, LATERAL (
      SELECT table_name, record_id, root_id, deleted, columns->>'resident_id' AS resident_id,
        columns->>'reader_org_id' AS reader_org_id
      FROM sync_records
      WHERE "county_code" = ${countyCode} AND root_id = wanted.root_id ${inTables}
      OFFSET 0) AS m`;
}

/** A root's member rows of the given tables, with the columns routing reads. */
export async function loadRootMembers(
  trx: Trx,
  countyCode: string,
  rootIds: string[],
  tables: SyncRecordTable[] | null,
): Promise<
  {
    table: SyncRecordTable;
    recordId: string;
    rootId: string;
    deleted: boolean;
    residentId: string | null;
    readerOrgId: string | null;
  }[]
> {
  if (rootIds.length === 0) return [];
  const { rows } = await rootMembers(countyCode, rootIds, tables).execute(trx);
  return rows.map((row) => ({
    table: row.table_name as SyncRecordTable,
    recordId: row.record_id,
    rootId: row.root_id,
    deleted: row.deleted,
    residentId: row.resident_id,
    readerOrgId: row.reader_org_id,
  }));
}

/**
 * rootIdsHeldElsewhere's statement, apart so that a test can read its plan: one look-up a root in
 * the index on (county_code, root_id).
 */
export function rootsHeldElsewhere(
  countyCode: string,
  roots: { table: string; recordId: string }[],
) {
  return sql<{ table_name: string; record_id: string }>`
    SELECT wanted.table_name, wanted.record_id FROM ROWS FROM (
      json_array_elements_text(${column(roots.map((root) => root.table))}::json),
      json_array_elements_text(${column(roots.map((root) => root.recordId))}::json)
    ) AS wanted(table_name, record_id)
    WHERE EXISTS (
      SELECT 1 FROM sync_records
      WHERE "county_code" = ${countyCode} AND root_id = wanted.record_id
        AND root_table <> wanted.table_name)`;
}

/**
 * The new roots (recordKey) whose id the hub holds as the root of another table. Visibility and
 * feed key a root by its id alone: such a record would take the other root over (push-plan.ts).
 */
export async function rootIdsHeldElsewhere(
  trx: Trx,
  countyCode: string,
  roots: { table: string; recordId: string }[],
): Promise<Set<string>> {
  if (roots.length === 0) return new Set();
  const { rows } = await rootsHeldElsewhere(countyCode, roots).execute(trx);
  return new Set(rows.map((row) => recordKey(row.table_name, row.record_id)));
}

/**
 * lockResidents' statement, apart so that a test can read its plan: as namedRecords, one index
 * look-up a resident, locked in the order given. As `record_id IN (...)`, PostgreSQL planned a list of
 * up to a thousand parameters on every push (9–16 µs of its ~110 µs a record in bench:push at 100,000).
 */
export function residentLocks(countyCode: string, residentIds: string[]) {
  return sql<{ record_id: string }>`
    SELECT s.record_id FROM json_array_elements_text(${column(residentIds)}::json) AS wanted(record_id),
      LATERAL (
        SELECT record_id FROM sync_records
        WHERE "county_code" = ${countyCode} AND table_name = 'residents'
          AND record_id = wanted.record_id
        FOR UPDATE) AS s`;
}

/**
 * Locks the residents named, so that their visibility and feed change one push at a time; in id
 * order, as loadRecords locks them.
 */
export async function lockResidents(
  trx: Trx,
  countyCode: string,
  residentIds: string[],
): Promise<void> {
  if (residentIds.length === 0) return;
  await residentLocks(countyCode, [...new Set(residentIds)].sort()).execute(trx);
}

/** loadVisibility's statement, apart so that a test can read its plan. */
export function rootVisibility(countyCode: string, rootIds: string[]) {
  return sql<{ root_id: string; unit_id: string; access: Access }>`
    SELECT v.* FROM ${eachRoot(rootIds)}, LATERAL (
      SELECT root_id, unit_id, access FROM sync_visibility
      WHERE "county_code" = ${countyCode} AND root_id = wanted.root_id
      OFFSET 0) AS v`;
}

export async function loadVisibility(
  trx: Trx,
  countyCode: string,
  rootIds: string[],
): Promise<Map<string, Map<string, Access>>> {
  const byRoot = new Map<string, Map<string, Access>>();
  if (rootIds.length === 0) return byRoot;
  const { rows } = await rootVisibility(countyCode, rootIds).execute(trx);
  for (const row of rows) {
    const units = byRoot.get(row.root_id) ?? new Map<string, Access>();
    units.set(row.unit_id, row.access);
    byRoot.set(row.root_id, units);
  }
  return byRoot;
}

/**
 * A column of a batch as one parameter: a JSON array that PostgreSQL takes apart in lockstep with the
 * other columns' (ROWS FROM ... json_array_elements). Measured on 500 case-sized records, PostgreSQL
 * spends about a third of the CPU it spends on one JSON document of the rows (jsonb_to_recordset,
 * which parses the whole document into jsonb first) or on text[]/jsonb[] array parameters (whose
 * escaped literals are slow to read, and slow for the pg driver to write).
 */
const column = (values: readonly unknown[]) => JSON.stringify(values);

/**
 * The rows a push creates go in by a plain INSERT, only the ones it changes by INSERT ... ON CONFLICT
 * DO UPDATE. An upsert is a speculative insertion: PostgreSQL probes the key's index before it
 * inserts, then writes a second WAL record to confirm each row. Measured on pushes of 1,000 new
 * case-sized records, the plain INSERT spares PostgreSQL about a fifth of its CPU for the push's
 * writes and 7% of their WAL (bench/RESULTS.md, "Plain inserts"). A row created meanwhile by another
 * push (the same record id from two terminals) makes the INSERT fail with a unique violation instead
 * of overwriting that push's row unchecked; the whole push then runs again (retry-deadlock.ts) and
 * decides against the row as committed.
 */
function split<T extends { stored: boolean }>(rows: T[]): { created: T[]; stored: T[] } {
  return { created: rows.filter((row) => !row.stored), stored: rows.filter((row) => row.stored) };
}

/** The records of a push in at most two statements (created, changed), one parameter per column. */
export async function writeRecords(
  trx: Trx,
  countyCode: string,
  records: HubRecord[],
  now: Date,
): Promise<void> {
  const { created, stored } = split(records);
  if (created.length > 0) {
    await sql`INSERT INTO sync_records ${recordRows(countyCode, created, now)}`.execute(trx);
  }
  if (stored.length > 0) {
    await sql`
      INSERT INTO sync_records ${recordRows(countyCode, stored, now)}
      ON CONFLICT ("county_code", table_name, record_id) DO UPDATE SET
        org_unit_id = excluded.org_unit_id, root_table = excluded.root_table,
        root_id = excluded.root_id, version = excluded.version, columns = excluded.columns,
        field_versions = excluded.field_versions, deleted = excluded.deleted,
        change_seq = NULL, origin_terminal_id = excluded.origin_terminal_id,
        updated_at = excluded.updated_at`.execute(trx);
  }
}

/**
 * The two jsonb columns come apart with jsonb_array_elements: their array is parsed into jsonb once,
 * where json_array_elements scanned it and each element was parsed again by its ::jsonb cast (about
 * 4 of the ~24 µs PostgreSQL spent inserting a case-sized row, measured on 20,000 rows).
 */
function recordRows(countyCode: string, records: HubRecord[], now: Date) {
  const of = <T>(pick: (record: HubRecord) => T) => column(records.map(pick));
  return sql`("county_code", table_name, record_id, org_unit_id, root_table,
      root_id, version, columns, field_versions, deleted, origin_terminal_id, updated_at)
    SELECT ${countyCode}, r.table_name, r.record_id, r.org_unit_id, r.root_table, r.root_id,
      r.version, r.columns, r.field_versions, r.deleted::boolean,
      r.origin_terminal_id, ${now}::timestamptz
    FROM ROWS FROM (
      json_array_elements_text(${of((r) => r.table)}::json),
      json_array_elements_text(${of((r) => r.recordId)}::json),
      json_array_elements_text(${of((r) => r.orgUnitId)}::json),
      json_array_elements_text(${of((r) => r.rootTable)}::json),
      json_array_elements_text(${of((r) => r.rootId)}::json),
      json_array_elements_text(${of((r) => r.version)}::json),
      jsonb_array_elements(${of((r) => r.columns)}::jsonb),
      jsonb_array_elements(${of((r) => packFieldVersions(r.columns, r.fieldVersions, r.takenFrom))}::jsonb),
      json_array_elements_text(${of((r) => r.deleted)}::json),
      json_array_elements_text(${of((r) => r.originTerminalId)}::json)
    ) AS r(table_name, record_id, org_unit_id, root_table, root_id, version, columns,
      field_versions, deleted, origin_terminal_id)`;
}

export interface VisibilityRow {
  rootId: string;
  unitId: string;
  access: Access;
  /** The unit saw the root before this push: the row exists and is updated. */
  stored: boolean;
}

/** The visibility rows of a push, created and changed apart as in writeRecords. */
export async function writeVisibility(
  trx: Trx,
  countyCode: string,
  rows: VisibilityRow[],
): Promise<void> {
  const { created, stored } = split(rows);
  if (created.length > 0) {
    await sql`INSERT INTO sync_visibility ${visibilityRows(countyCode, created)}`.execute(trx);
  }
  if (stored.length > 0) {
    await sql`
      INSERT INTO sync_visibility ${visibilityRows(countyCode, stored)}
      ON CONFLICT ("county_code", root_id, unit_id) DO UPDATE SET access = excluded.access`.execute(
      trx,
    );
  }
}

function visibilityRows(countyCode: string, rows: VisibilityRow[]) {
  return sql`("county_code", root_id, unit_id, access)
    SELECT ${countyCode}, v.root_id, v.unit_id, v.access
    FROM ROWS FROM (
      json_array_elements_text(${column(rows.map((row) => row.rootId))}::json),
      json_array_elements_text(${column(rows.map((row) => row.unitId))}::json),
      json_array_elements_text(${column(rows.map((row) => row.access))}::json)
    ) AS v(root_id, unit_id, access)`;
}

export interface FeedRow {
  unitId: string;
  table: string;
  recordId: string;
  /** The row's number within the push (1..n). */
  seq: number;
  /** The unit may hold a feed row of the record already: only a record created by this push has none. */
  stored: boolean;
}

/**
 * The county's change numbers and the feed rows that carry them, in one statement, the last one
 * before the commit: it bumps the county's sequence row by `count` and writes the feed rows with the
 * push's own numbers (1..count) moved past the county's last. The row's lock, taken by the first
 * part of the statement, is held from here to the commit, so that change numbers commit in order,
 * which record-pull.ts relies on:
 *
 * - A push that takes its numbers while another holds the row waits for that one's commit, then
 *   reads the row as it committed: all its numbers are larger, and it commits later.
 * - PostgreSQL wakes the waiter only once the holder is visible as committed, so a snapshot that
 *   sees the later push's rows sees the earlier one's too. A pull that has read the feed up to n has
 *   read every change numbered n or less that will ever commit: none is still in flight.
 *
 * Everything else the push writes (records, visibility, progress, rejections, conflicts) goes
 * before, outside the lock. The lock used to be held over four round trips from the hub (sequence,
 * records, visibility, feed), the records the largest write of all, and every push of the county
 * waited through them in turn; now it covers the feed rows alone, and one statement keeps the hub's
 * event loop, busy with the other terminals' requests, out of the time it is held. Returns the
 * number before the first one taken.
 */
export async function writeNumberedFeed(
  trx: Trx,
  countyCode: string,
  count: number,
  rows: FeedRow[],
): Promise<number> {
  const { created, stored } = split(rows);
  const feedRows = (part: FeedRow[]) => sql`
      SELECT ${countyCode}, f.unit_id, f.table_name, f.record_id, numbers.base + f.seq::bigint
      FROM numbers, ROWS FROM (
        json_array_elements_text(${column(part.map((row) => row.unitId))}::json),
        json_array_elements_text(${column(part.map((row) => row.table))}::json),
        json_array_elements_text(${column(part.map((row) => row.recordId))}::json),
        json_array_elements_text(${column(part.map((row) => row.seq))}::json)
      ) AS f(unit_id, table_name, record_id, seq)`;
  const result = await sql<{ base: string | number }>`
    WITH numbers AS (
      INSERT INTO sync_sequences ("county_code", last_seq) VALUES (${countyCode}, ${count})
      ON CONFLICT ("county_code")
        DO UPDATE SET last_seq = sync_sequences.last_seq + excluded.last_seq
      RETURNING last_seq - ${count}::bigint AS base
    ), created AS (
      INSERT INTO sync_feed ("county_code", unit_id, table_name, record_id, seq) ${feedRows(created)}
    ), stored AS (
      INSERT INTO sync_feed ("county_code", unit_id, table_name, record_id, seq) ${feedRows(stored)}
      ON CONFLICT ("county_code", unit_id, table_name, record_id) DO UPDATE SET seq = excluded.seq
    )
    SELECT base FROM numbers`.execute(trx);
  return Number(result.rows[0]!.base);
}

export interface Refusal {
  seq: number;
  table: string;
  recordId: string;
  code: SyncRejectionCode;
}

export async function writeRejections(
  trx: Trx,
  countyCode: string,
  terminalId: string,
  epoch: string,
  refusals: Refusal[],
  now: Date,
): Promise<PushRejection[]> {
  const answers = refusals.map((r) => ({
    seq: r.seq,
    code: r.code,
    message: SYNC_REJECTION_MESSAGES[r.code],
  }));
  for (const part of chunks(refusals)) {
    await trx
      .insertInto('sync_rejections')
      .values(
        part.map((r) => ({
          county_code: countyCode,
          terminal_id: terminalId,
          epoch,
          seq: r.seq,
          table_name: r.table,
          record_id: r.recordId,
          code: r.code,
          message: SYNC_REJECTION_MESSAGES[r.code],
          rejected_at: now,
        })),
      )
      .execute();
  }
  return answers;
}

export interface ClockFlag {
  seq: number;
  table: string;
  recordId: string;
  version: string;
  aheadMs: number;
}

export async function writeClockFlags(
  trx: Trx,
  countyCode: string,
  terminalId: string,
  epoch: string,
  flags: ClockFlag[],
  now: Date,
): Promise<void> {
  for (const part of chunks(flags)) {
    await trx
      .insertInto('sync_clock_flags')
      .values(
        part.map((f) => ({
          county_code: countyCode,
          terminal_id: terminalId,
          epoch,
          seq: f.seq,
          table_name: f.table,
          record_id: f.recordId,
          version: f.version,
          ahead_ms: f.aheadMs,
          flagged_at: now,
        })),
      )
      .execute();
  }
}

export interface OpenedConflict {
  table: string;
  recordId: string;
  /** The unit that owns the record's root: its people choose. */
  orgUnitId: string;
  column: string;
  baseVersion: string | null;
  kept: ConflictSide;
  other: ConflictSide;
}

interface ConflictSide {
  value: string | number | null;
  version: string;
  terminalId: string;
  by: string | null;
  at: string;
}
