import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../electron/backend/db/schema';

/**
 * The bulk load's connection: the backend is closed, so nothing else reads the file; no journal and
 * no syncing until the end (a crash means generating again), a large page cache.
 */
export function tuneForLoad(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1000000');
  sqlite.pragma('temp_store = MEMORY');
}

/**
 * Kysely over the load's connection, for the app's own index functions. Kysely prepares every
 * statement anew; over a million rows that costs more than the insert, so the prepared statements
 * are kept by their SQL, which the index functions repeat for every row.
 */
export function kyselyForLoad(sqlite: BetterSqlite3.Database): Kysely<Database> {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const database = {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = prepared.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        prepared.set(sql, statement);
      }
      return statement;
    },
  };
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

/**
 * The secondary indexes of the tables a load fills, dropped for the load and created again from
 * their own SQL afterwards: one sort per index instead of a million inserts at random places. The
 * schema ends as the migrations made it.
 */
export function withoutIndexes(sqlite: BetterSqlite3.Database, tables: readonly string[]) {
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
        AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);
  return {
    restore(): void {
      for (const index of indexes) sqlite.exec(index.sql);
    },
  };
}
