import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import type { Database } from './schema';
import { WriteTurns } from './write-turns';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** The raw handle, only for what Kysely cannot do: online backup, integrity checks, pragmas. */
  sqlite: BetterSqlite3.Database;
  file: string;
  /** When this connection is taken, for the pull's thread to give way (write-turns.ts). */
  turns: WriteTurns;
  close(): Promise<void>;
}

/**
 * SQLite's page cache, in KiB (a negative cache_size). better-sqlite3 builds SQLite with 16 MB, which
 * a pull of 100,000 records fills and keeps for the life of the process; with 8 MB the pull's peak
 * RSS was ~8 MB lower at the same CPU per record (bench/RESULTS.md, "Terminal RSS under 150 MB"):
 * pages it no longer holds are read back from the OS's file cache.
 */
export const PAGE_CACHE_KIB = 8000;

export function openSqlite(file: string, nativeBinding?: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 leaves NORMAL, which can lose the last commits on power loss at the counter.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  return sqlite;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE), waiting up to busy_timeout
 * for it. The pull writes on a connection of its own (hub/pull/pull-thread.ts): a transaction begun
 * deferred that read before the pull's slice committed and writes after it would fail at once with
 * SQLITE_BUSY (its snapshot is stale), where an immediate one waits for the slice and goes on.
 * While Kysely holds the connection, the pull's thread begins no slice (write-turns.ts).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    database: BetterSqlite3.Database,
    private readonly turns: WriteTurns,
  ) {
    super({ database });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.turns.hold();
    return connection;
  }

  override async releaseConnection(): Promise<void> {
    this.turns.release();
    await super.releaseConnection();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly turns: WriteTurns,
  ) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqlite, this.turns);
  }
}

export function openDatabase(file: string, nativeBinding?: string): DatabaseHandle {
  const sqlite = openSqlite(file, nativeBinding);
  const turns = new WriteTurns();
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite, turns) });
  return {
    db,
    sqlite,
    file,
    turns,
    // Kysely's destroy closes the better-sqlite3 handle it was given.
    close: () => db.destroy(),
  };
}
