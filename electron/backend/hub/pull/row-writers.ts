import type BetterSqlite3 from 'better-sqlite3';
import type { SyncRecordTable } from '@shared/sync/records-contract';
import { prepared } from '../../db/prepared';
import { pullableColumns } from './local-columns';
import { INDEXED_COLUMNS, type StoredRow } from './search-upkeep';

/*
 * The statements a pull writes a table's rows with, prepared once per connection and column set:
 * a first sync applies a hundred thousand records, and preparing costs more than running.
 */

const quoted = (name: string) => `"${name}"`;

export function storedRow(
  sqlite: BetterSqlite3.Database,
  table: SyncRecordTable,
  recordId: string,
): StoredRow | undefined {
  const columns = INDEXED_COLUMNS.has(table) ? 'rowid, *' : 'rowid, version';
  return prepared(sqlite, `SELECT ${columns} FROM ${quoted(table)} WHERE id = ?`).get(recordId) as
    StoredRow | undefined;
}

export const updateText = (table: SyncRecordTable, names: readonly string[]) =>
  `UPDATE ${quoted(table)} SET ${names.map((name) => `${quoted(name)} = ?`).join(', ')} WHERE id = ?`;

/**
 * Rows a multi-row INSERT writes at most: SQLite opens a statement journal for each insert into a
 * table with triggers or foreign keys (cases, residents), paid once per statement, not per row;
 * 64 rows of the widest table stay far below SQLite's 32,766 parameters.
 */
export const MAX_ROWS_AN_INSERT = 64;

/** What a record with these column names writes: the names a pull may set, and the statements. */
export interface Writer {
  table: SyncRecordTable;
  /** The record's column names, in the order the hub sends them. */
  columnNames: readonly string[];
  names: readonly string[];
  /**
   * An insert of `rows` records (a power of two up to MAX_ROWS_AN_INSERT), answering each row's
   * id and rowid when the table has search entries.
   */
  insert(rows: number): BetterSqlite3.Statement;
  /** Of every name: the update of a record with no change here waiting to be pushed. */
  update: BetterSqlite3.Statement;
  /** Every indexed column is among the names: the row written is known without reading it back. */
  knowsIndexed: boolean;
}

const writers = new WeakMap<BetterSqlite3.Database, Map<SyncRecordTable, Writer[]>>();

/** The record names these columns, in this order: compared without building a key per record. */
function namesTheSame(columnNames: readonly string[], columns: Record<string, unknown>): boolean {
  let i = 0;
  for (const name in columns) {
    if (columnNames[i] !== name) return false;
    i += 1;
  }
  return i === columnNames.length;
}

function insertStatements(
  sqlite: BetterSqlite3.Database,
  table: SyncRecordTable,
  all: readonly string[],
): (rows: number) => BetterSqlite3.Statement {
  const row = `(${all.map(() => '?').join(', ')})`;
  const returning = INDEXED_COLUMNS.has(table) ? ' RETURNING id, rowid' : '';
  const byRows = new Map<number, BetterSqlite3.Statement>();
  return (rows) => {
    let statement = byRows.get(rows);
    if (!statement) {
      statement = sqlite.prepare(
        `INSERT INTO ${quoted(table)} (${all.map(quoted).join(', ')})
         VALUES ${Array.from({ length: rows }, () => row).join(', ')}${returning}`,
      );
      byRows.set(rows, statement);
    }
    return statement;
  };
}

/** A hub sends the same columns for every record of a table, so this is a lookup, not a build. */
export function writerFor(
  sqlite: BetterSqlite3.Database,
  table: SyncRecordTable,
  columns: Record<string, unknown>,
): Writer {
  let cache = writers.get(sqlite);
  if (!cache) {
    cache = new Map();
    writers.set(sqlite, cache);
  }
  let known = cache.get(table);
  if (!known) {
    known = [];
    cache.set(table, known);
  }
  for (const writer of known) if (namesTheSame(writer.columnNames, columns)) return writer;
  const columnNames = Object.keys(columns);
  const allowed = pullableColumns(sqlite, table);
  const names = columnNames.filter((name) => allowed.has(name) && name !== 'id');
  const writer: Writer = {
    table,
    columnNames,
    names,
    insert: insertStatements(sqlite, table, ['id', ...names]),
    update: sqlite.prepare(updateText(table, names)),
    knowsIndexed: (INDEXED_COLUMNS.get(table) ?? []).every((name) => names.includes(name)),
  };
  known.push(writer);
  return writer;
}
