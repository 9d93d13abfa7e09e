import type BetterSqlite3 from 'better-sqlite3';
import type { SyncRecordTable } from '@shared/sync/records-contract';
import { caseFtsValues } from '../../cases/service';
import type { Db } from '../../db/queryable';
import { indexDispute, reindexDispute } from '../../mediation/service';
import { indexResident, unindexResident } from '../../residents/search-index';

/**
 * The search indexes the services keep by hand beside residents, cases and disputes (no triggers,
 * see residents/search-index.ts), kept here the same way for rows a pull wrote, so that a pulled
 * record is found exactly as one typed here. resident_access is kept by triggers; the one that looks
 * a case's resident up (resident_access_filed) finds it, since a case is applied only once its
 * resident is here (hold-back.ts) and residents go first within a page.
 */
export type StoredRow = Record<string, unknown> & { rowid: number };

/** The tables whose pulled rows need more than the row itself. */
export const INDEXED_TABLES: ReadonlySet<SyncRecordTable> = new Set([
  'residents',
  'cases',
  'disputes',
]);

const changed = (before: StoredRow, after: StoredRow, columns: readonly string[]) =>
  columns.some((column) => before[column] !== after[column]);

interface ResidentRow {
  rowid: number;
  name: string;
  doc_number: string;
  phone: string | null;
  address: string | null;
}

const RESIDENT_INDEXED = ['name', 'doc_number', 'phone', 'address', 'deleted_at'] as const;

async function keepResident(trx: Db, before: StoredRow | null, after: StoredRow): Promise<void> {
  if (before && !changed(before, after, RESIDENT_INDEXED)) return;
  // A tombstoned resident is not in the indexes (the search counts read them alone).
  if (before && before.deleted_at === null)
    await unindexResident(trx, before as unknown as ResidentRow);
  if (after.deleted_at === null) await indexResident(trx, after as unknown as ResidentRow);
}

const CASE_INDEXED = ['case_no', 'applicant_name', 'item_name'] as const;

/**
 * cases_fts as indexCaseForSearch writes it, through prepared statements: a first sync indexes tens
 * of thousands of cases, and a query built per case costs more than the insert itself.
 */
function keepCase(
  sqlite: BetterSqlite3.Database,
  before: StoredRow | null,
  after: StoredRow,
): void {
  if (before && !changed(before, after, CASE_INDEXED)) return;
  if (before) sqlite.prepare('DELETE FROM cases_fts WHERE rowid = ?').run(before.rowid);
  const values = caseFtsValues({
    rowid: after.rowid,
    caseNo: after.case_no as string,
    applicantName: after.applicant_name as string,
    itemName: after.item_name as string,
  });
  caseIndexInsert(sqlite).run(after.rowid, ...values);
}

const caseInserts = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

function caseIndexInsert(sqlite: BetterSqlite3.Database): BetterSqlite3.Statement {
  let statement = caseInserts.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(
      'INSERT INTO cases_fts (rowid, case_no, applicant_name, item_name) VALUES (?, ?, ?, ?)',
    );
    caseInserts.set(sqlite, statement);
  }
  return statement;
}

async function keepDispute(trx: Db, before: StoredRow | null, after: StoredRow): Promise<void> {
  if (before) {
    if (changed(before, after, ['case_no', 'party_names']))
      await reindexDispute(trx, after.id as string);
    return;
  }
  await indexDispute(trx, {
    rowid: after.rowid,
    caseNo: after.case_no as string,
    partyNames: after.party_names as string,
  });
}

/** After a pulled row was written: `before` is the row as it was here, null when it is new. */
export async function keepSearchable(
  trx: Db,
  sqlite: BetterSqlite3.Database,
  table: SyncRecordTable,
  before: StoredRow | null,
  after: StoredRow,
): Promise<void> {
  if (table === 'residents') await keepResident(trx, before, after);
  else if (table === 'cases') keepCase(sqlite, before, after);
  else if (table === 'disputes') await keepDispute(trx, before, after);
}
