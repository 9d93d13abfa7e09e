import type BetterSqlite3 from 'better-sqlite3';
import type { PulledRecord } from '@shared/sync/records-contract';
import { MAX_ROWS_AN_INSERT, storedRow, type Writer } from './row-writers';
import { INDEXED_COLUMNS, type SearchUpkeep, type StoredRow } from './search-upkeep';

/*
 * The records of a slice that are new here, written a multi-row INSERT at a time: each insert into
 * cases or residents opens a statement journal (their triggers and foreign keys may abort it), paid
 * once per statement (bench/RESULTS.md). Records wait here only while nothing else writes: the
 * applier writes them (flush) before a record of another table or column set, before any update or
 * merge, and before a resident of a document one of them has is looked up.
 */

interface InsertedRow {
  id: string;
  rowid: number;
}

const largestPowerOfTwoUpTo = (n: number) => 2 ** Math.floor(Math.log2(n));

export class NewRows {
  private writer: Writer | null = null;
  private records: PulledRecord[] = [];

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly upkeep: SearchUpkeep,
  ) {}

  /** `record`, as this terminal writes it, is new here. */
  add(writer: Writer, record: PulledRecord): void {
    if (writer !== this.writer) {
      this.flush();
      this.writer = writer;
    }
    this.records.push(record);
  }

  /**
   * Writes the records waiting. A record refused by a UNIQUE key (a case number taken here) fails
   * its statement, which writes none of its rows, and the error refuses the slice as one insert
   * a record did: the slice's transaction rolls back and the page is asked for again.
   */
  flush(): void {
    const { writer, records } = this;
    if (!writer || records.length === 0) return;
    this.records = [];
    for (let written = 0; written < records.length;) {
      const rows = largestPowerOfTwoUpTo(Math.min(MAX_ROWS_AN_INSERT, records.length - written));
      this.insert(writer, records.slice(written, written + rows));
      written += rows;
    }
  }

  private insert(writer: Writer, records: readonly PulledRecord[]): void {
    const values: unknown[] = [];
    for (const record of records) {
      values.push(record.recordId);
      for (const name of writer.names) values.push(record.columns[name] ?? null);
    }
    const statement = writer.insert(records.length);
    const indexed = INDEXED_COLUMNS.get(writer.table);
    if (!indexed) {
      statement.run(values);
      return;
    }
    const rowids = new Map<string, number>();
    for (const row of statement.all(values) as InsertedRow[]) rowids.set(row.id, row.rowid);
    for (const record of records) {
      const rowid = rowids.get(record.recordId);
      // A row the INSERT did not return would leave its search entry without a row.
      if (rowid === undefined)
        throw new Error(`pulled ${writer.table} ${record.recordId} not written`);
      let after: StoredRow;
      if (writer.knowsIndexed) {
        after = { rowid };
        for (const name of indexed) after[name] = record.columns[name] ?? null;
      } else {
        after = { ...storedRow(this.sqlite, writer.table, record.recordId)!, rowid };
      }
      this.upkeep.keep(writer.table, null, after);
    }
  }
}
