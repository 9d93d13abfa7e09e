import type BetterSqlite3 from 'better-sqlite3';
import { SYNC_LOCAL_COLUMNS, type SyncRecordTable } from '@shared/sync/records-contract';

const cache = new WeakMap<BetterSqlite3.Database, Map<SyncRecordTable, ReadonlySet<string>>>();

/**
 * The columns a pull may set in a local table: the ones the table has (a newer terminal's columns
 * are ignored), never a terminal-local one. Read once per connection: the schema changes only by
 * migration, before the backend serves.
 */
export function pullableColumns(
  sqlite: BetterSqlite3.Database,
  table: SyncRecordTable,
): ReadonlySet<string> {
  let tables = cache.get(sqlite);
  if (!tables) {
    tables = new Map();
    cache.set(sqlite, tables);
  }
  let columns = tables.get(table);
  if (!columns) {
    const local = new Set(SYNC_LOCAL_COLUMNS[table] ?? []);
    const names = sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table);
    columns = new Set((names as string[]).filter((name) => !local.has(name)));
    tables.set(table, columns);
  }
  return columns;
}
