import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { SYNC_RECORD_TABLES } from '@shared/sync/records-contract';
import type { Database } from '../../db/schema';

/*
 * A first sync of a big unit writes hundreds of thousands of rows into indexed tables: every insert
 * updates each index, and every slice's commit writes every index page it dirtied. Building an index
 * once over the finished table costs a fraction of that. So a first sync drops the non-unique
 * secondary indexes of the synced tables and builds them again when it ends. Unique indexes and
 * primary keys stay (they are constraints, and the pull relies on them). Queries stay correct
 * without the others, only slower: those that name an index (INDEXED BY, the cases' and disputes'
 * list walks) name it only while it exists (db/named-indexes.ts).
 *
 * Power cuts: each index is dropped in the transaction that records its statement in
 * sync_deferred_indexes, and built in the one that deletes that record, so the table always names
 * exactly the indexes missing. A process killed in between leaves the records; opening the database
 * builds them before the migrations run (rebuildLeftIndexes), as the migrations and the code were
 * written against the whole schema.
 */

/** A first sync of fewer rows is applied with the indexes in place: the rebuild would cost more. */
export const DEFER_INDEXES_FROM = 20_000;

/**
 * Indexes the pull itself reads while it applies records, kept so that it never scans a table per
 * record: the merge of two residents re-points cases and dispute parties by resident and looks for
 * tombstones of a document; the hand-off files are looked up by case, report and hash.
 */
const READ_BY_THE_PULL: ReadonlySet<string> = new Set([
  'residents_tombstones',
  'cases_resident',
  'dispute_parties_resident',
  'attachments_case',
  'attachments_event_report',
  'attachments_sha',
]);

/**
 * Indexes the counter's first screens read, kept so that a clerk working beside a first sync is not
 * held up by scans of a table that grows under the pull (and the pull behind the clerk's request, on
 * the one connection): the 工作台's worklists and figures and the default orders of 案件查询 and
 * 纠纷台账 (EXPLAIN QUERY PLAN on the 1/20 township; review of wt-casesidx: one walk over 50,000
 * cases without its index took 28 ms of CPU, 0.02 ms with it, and the 工作台 runs eight). Every case
 * summary row reads its agent's name from case_events (list/repository.ts, SUMMARY_COLUMNS): without
 * case_events_case each row scanned the table, 2.4 s of CPU for one page of 50 on the 1/20 township.
 * Every 工作台 and case list first finds the scope's hand-offs (cases_agency_owner) and its own
 * agency cases (cases_agent); each 纠纷台账 row joins its mediators (dispute_mediators_dispute).
 */
const READ_BY_THE_COUNTER: ReadonlySet<string> = new Set([
  'case_events_case',
  'cases_agency_owner',
  'cases_agent',
  'cases_live_org_created',
  'cases_live_org_state_created',
  'cases_live_org_state_due',
  'cases_live_org_due',
  'cases_live_org_handed_over',
  'cases_to_hand_out',
  'cases_live_org_completed_count',
  'disputes_live_org_registered',
  'disputes_live_org_due',
  'dispute_mediators_dispute',
]);

interface IndexRecord {
  name: string;
  table_name: string;
  sql: string;
}

/** The synced tables' indexes made by CREATE INDEX (not a key or a UNIQUE constraint), not unique. */
function deferrable(sqlite: BetterSqlite3.Database): IndexRecord[] {
  const list = sqlite.prepare(
    `SELECT l.name, m.tbl_name AS table_name, m.sql FROM pragma_index_list(?) l
     JOIN sqlite_schema m ON m.type = 'index' AND m.name = l.name
     WHERE l.origin = 'c' AND l."unique" = 0 AND m.sql IS NOT NULL`,
  );
  return SYNC_RECORD_TABLES.flatMap((table) => list.all(table) as IndexRecord[]).filter(
    (index) => !READ_BY_THE_PULL.has(index.name) && !READ_BY_THE_COUNTER.has(index.name),
  );
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Drops the deferrable indexes and records them, in one transaction. Returns how many were dropped
 * (none when an earlier first sync's are still recorded: those are rebuilt first).
 */
export async function deferIndexes(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
  now: string,
): Promise<number> {
  return db.transaction().execute(async () => {
    if (leftCount(sqlite) > 0) return 0;
    const record = sqlite.prepare(
      'INSERT INTO sync_deferred_indexes (name, table_name, sql, dropped_at) VALUES (?, ?, ?, ?)',
    );
    const indexes = deferrable(sqlite);
    for (const index of indexes) {
      record.run(index.name, index.table_name, index.sql, now);
      sqlite.exec(`DROP INDEX ${quoted(index.name)}`);
    }
    return indexes.length;
  });
}

function leftCount(sqlite: BetterSqlite3.Database): number {
  return sqlite.prepare('SELECT count(*) FROM sync_deferred_indexes').pluck().get() as number;
}

/** Builds the next recorded index and deletes its record, in the caller's transaction. */
function buildNext(sqlite: BetterSqlite3.Database): boolean {
  const next = sqlite
    .prepare('SELECT name, sql FROM sync_deferred_indexes ORDER BY rowid LIMIT 1')
    .get() as Pick<IndexRecord, 'name' | 'sql'> | undefined;
  if (!next) return false;
  sqlite.exec(next.sql);
  sqlite.prepare('DELETE FROM sync_deferred_indexes WHERE name = ?').run(next.name);
  return true;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds every recorded index again, one per transaction with a turn of the event loop between, so
 * that a clerk's request waits for one index at most. Stops between two indexes once `stopped`
 * says so (the backend closes: a quit waits for one index, not for all of a big township's); the
 * rest keep their records and the next open builds them. Returns how many were built.
 */
export async function rebuildDeferredIndexes(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
  stopped: () => boolean = () => false,
): Promise<number> {
  let built = 0;
  while (!stopped() && (await db.transaction().execute(async () => buildNext(sqlite)))) {
    built += 1;
    await nextTurn();
  }
  return built;
}

/**
 * At open, before the migrations and before anything is served: the indexes a killed first sync
 * left dropped. Nothing else holds the connection yet, so this runs synchronously.
 */
export function rebuildLeftIndexes(sqlite: BetterSqlite3.Database): number {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sync_deferred_indexes'")
    .get();
  if (!exists) return 0;
  let built = 0;
  while (sqlite.transaction(() => buildNext(sqlite)).immediate()) built += 1;
  return built;
}
