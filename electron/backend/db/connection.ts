import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** The raw handle, only for what Kysely cannot do: online backup, integrity checks, pragmas. */
  sqlite: BetterSqlite3.Database;
  file: string;
  close(): Promise<void>;
}

export function openSqlite(file: string, nativeBinding?: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 leaves NORMAL, which can lose the last commits on power loss at the counter.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export function openDatabase(file: string, nativeBinding?: string): DatabaseHandle {
  const sqlite = openSqlite(file, nativeBinding);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    file,
    // Kysely's destroy closes the better-sqlite3 handle it was given.
    close: () => db.destroy(),
  };
}
