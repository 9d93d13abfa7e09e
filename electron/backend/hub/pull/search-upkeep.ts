import type BetterSqlite3 from 'better-sqlite3';
import type { SyncRecordTable } from '@shared/sync/records-contract';
import { caseFtsValues } from '../../cases/service';
import { disputeFtsValues, nameBigrams } from '../../mediation/service';
import { residentBigrams, residentFtsValues } from '../../residents/search-index';
import { prepared } from '../../db/prepared';

/**
 * The search indexes the services keep by hand beside residents, cases and disputes (no triggers,
 * see residents/search-index.ts), kept here the same way for rows a pull wrote, so that a pulled
 * record is found exactly as one typed here: the same value functions fill them. The statements are
 * prepared ones, not the services' Kysely queries: a first sync indexes tens of thousands of rows
 * and a query built per row costs more than the insert itself. A slice's new entries are written
 * together at its end: the FTS5 rows in rowid order, then the bigram rows sorted, so that their
 * b-tree fills in order (a resident brings a dozen bigrams scattered over the whole table). FTS5
 * writes the terms it holds as a segment of their own whenever a statement opens a savepoint, and
 * every insert into residents or cases opens one (their triggers and foreign keys may abort it):
 * an entry written beside its row became a segment per record, merged again and again (twice the
 * FTS5 work of a pull of cases). resident_access is kept by triggers; the one that looks a
 * case's resident up (resident_access_filed) finds it, since a case is applied only once its
 * resident is here (hold-back.ts) and residents go first within a page.
 */
export type StoredRow = Record<string, unknown> & { rowid: number };

/** The columns each indexed table's search entries are made of. */
export const INDEXED_COLUMNS: ReadonlyMap<SyncRecordTable, readonly string[]> = new Map([
  ['residents', ['name', 'doc_number', 'phone', 'address', 'deleted_at']],
  ['cases', ['case_no', 'applicant_name', 'item_name']],
  ['disputes', ['case_no', 'party_names']],
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

type Bigram = [bigram: string, rowid: number];

const byBigram = (a: Bigram, b: Bigram) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);

/** An FTS5 row to write: the rowid, then the values in the table's column order. */
type FtsRow = [rowid: number, ...values: (string | null)[]];

const byRowid = (a: FtsRow, b: FtsRow) => a[0] - b[0];

const FTS_INSERTS = {
  residents:
    'INSERT INTO residents_fts (rowid, name, doc_number, phone, address) VALUES (?, ?, ?, ?, ?)',
  cases: 'INSERT INTO cases_fts (rowid, case_no, applicant_name, item_name) VALUES (?, ?, ?, ?)',
  disputes: 'INSERT INTO disputes_fts (rowid, case_no, party_names) VALUES (?, ?, ?)',
} as const;

type FtsTable = keyof typeof FTS_INSERTS;

const FTS_DELETES: Record<FtsTable, string> = {
  residents: 'DELETE FROM residents_fts WHERE rowid = ?',
  cases: 'DELETE FROM cases_fts WHERE rowid = ?',
  disputes: 'DELETE FROM disputes_fts WHERE rowid = ?',
};

/** One slice's search upkeep: entries removed at once, entries added by flush(). */
export class SearchUpkeep {
  private readonly ftsRows: Record<FtsTable, FtsRow[]> = { residents: [], cases: [], disputes: [] };
  private readonly residentBigrams: Bigram[] = [];
  private readonly disputeBigrams: Bigram[] = [];
  /** Rows whose entries wait for flush(): removing their entries must see them written first. */
  private readonly waiting: Record<FtsTable, Set<number>> = {
    residents: new Set(),
    cases: new Set(),
    disputes: new Set(),
  };

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  /** After a pulled row was written: `before` is the row as it was here, null when it is new. */
  keep(table: SyncRecordTable, before: StoredRow | null, after: StoredRow): void {
    const columns = INDEXED_COLUMNS.get(table);
    if (!columns || (before && !changed(before, after, columns))) return;
    if (table === 'residents') this.keepResident(before, after);
    else if (table === 'cases') this.keepCase(before, after);
    else if (table === 'disputes') this.keepDispute(before, after);
  }

  /**
   * Writes the entries kept so far: at the end of the slice, and before anything else in the
   * transaction reads or removes them (a resident merge unindexes the record it tombstones).
   */
  flush(): void {
    for (const table of ['residents', 'cases', 'disputes'] as const) {
      const rows = this.ftsRows[table];
      if (rows.length === 0) continue;
      const insert = prepared(this.sqlite, FTS_INSERTS[table]);
      for (const row of rows.sort(byRowid)) insert.run(row);
      rows.length = 0;
      this.waiting[table].clear();
    }
    const residents = prepared(
      this.sqlite,
      `INSERT INTO resident_bigrams (bigram, resident_rowid) VALUES (?, ?)
       ON CONFLICT DO NOTHING`,
    );
    for (const [bigram, rowid] of this.residentBigrams.sort(byBigram)) residents.run(bigram, rowid);
    const disputes = prepared(
      this.sqlite,
      `INSERT INTO dispute_bigrams (bigram, dispute_rowid) VALUES (?, ?) ON CONFLICT DO NOTHING`,
    );
    for (const [bigram, rowid] of this.disputeBigrams.sort(byBigram)) disputes.run(bigram, rowid);
    this.residentBigrams.length = 0;
    this.disputeBigrams.length = 0;
  }

  /** Removing a row's entries: those still waiting for flush() are written first. */
  private unindex(table: FtsTable, rowid: number): void {
    if (this.waiting[table].has(rowid)) this.flush();
    prepared(this.sqlite, FTS_DELETES[table]).run(rowid);
  }

  private index(table: FtsTable, row: FtsRow): void {
    this.ftsRows[table].push(row);
    this.waiting[table].add(row[0]);
  }

  /** A tombstoned resident is not in the indexes (the search counts read them alone). */
  private keepResident(before: StoredRow | null, after: StoredRow): void {
    if (before && before.deleted_at === null) {
      const old = before as unknown as ResidentRow;
      this.unindex('residents', old.rowid);
      // resident_bigrams has no index on resident_rowid alone, hence the bigram in the condition.
      const remove = prepared(
        this.sqlite,
        'DELETE FROM resident_bigrams WHERE bigram = ? AND resident_rowid = ?',
      );
      for (const bigram of residentBigrams(old.name, old.address)) remove.run(bigram, old.rowid);
    }
    if (after.deleted_at !== null) return;
    const row = after as unknown as ResidentRow;
    this.index('residents', [row.rowid, ...residentFtsValues(row)]);
    for (const bigram of residentBigrams(row.name, row.address)) {
      this.residentBigrams.push([bigram, row.rowid]);
    }
  }

  private keepCase(before: StoredRow | null, after: StoredRow): void {
    if (before) this.unindex('cases', before.rowid);
    const values = caseFtsValues({
      rowid: after.rowid,
      caseNo: after.case_no as string,
      applicantName: after.applicant_name as string,
      itemName: after.item_name as string,
    });
    this.index('cases', [after.rowid, ...values]);
  }

  /** A dispute's entry is replaced whole, as reindexDispute does. */
  private keepDispute(before: StoredRow | null, after: StoredRow): void {
    if (before) {
      this.unindex('disputes', before.rowid);
      prepared(this.sqlite, 'DELETE FROM dispute_bigrams WHERE dispute_rowid = ?').run(
        before.rowid,
      );
    }
    const dispute = {
      rowid: after.rowid,
      caseNo: after.case_no as string,
      partyNames: after.party_names as string,
    };
    this.index('disputes', [dispute.rowid, ...disputeFtsValues(dispute)]);
    for (const bigram of nameBigrams(dispute.partyNames)) {
      this.disputeBigrams.push([bigram, dispute.rowid]);
    }
  }
}
