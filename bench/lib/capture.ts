import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import type { Backend } from '../../electron/backend/app/backend';
import type { Database } from '../../electron/backend/db/schema';

/**
 * The SQL a request runs, exactly as the repositories compile it: for the call, the runtime's Kysely
 * is swapped for one over the same connection that logs every compiled statement. Only for the
 * bench's untimed capture pass; the timed calls run on the backend's own Kysely. One logging
 * instance for all passes, so that what the runtime caches per instance (the holiday calendar) is
 * read once, as it is by the backend's own.
 */
export class SqlCapture {
  private captured: CompiledQuery[] = [];
  private readonly logging: Kysely<Database>;

  constructor(private readonly backend: Backend) {
    this.logging = new Kysely<Database>({
      dialect: new SqliteDialect({ database: backend.runtime.sqlite }),
      log: (event) => {
        if (event.level === 'query') this.captured.push(event.query);
      },
    });
  }

  async run(call: () => Promise<unknown>): Promise<CompiledQuery[]> {
    const rt = this.backend.runtime;
    const own = rt.db;
    this.captured = [];
    rt.db = this.logging;
    try {
      await call();
    } finally {
      // The logging instance is never destroyed: that would close the backend's connection.
      rt.db = own;
    }
    return this.captured;
  }
}

/**
 * Runs captured statements straight on better-sqlite3, prepared once, with their parameters: what
 * the request costs in SQLite alone, without dispatch, validation, query building and mapping.
 */
export class RawReplay {
  private readonly prepared = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  prepare(statements: readonly CompiledQuery[]): () => void {
    const steps = statements.map((query) => {
      let statement = this.prepared.get(query.sql);
      if (!statement) {
        statement = this.sqlite.prepare(query.sql);
        this.prepared.set(query.sql, statement);
      }
      return { statement, parameters: query.parameters as unknown[] };
    });
    if (steps.some((step) => !step.statement.reader)) {
      throw new Error('a captured request writes: only reads can be replayed');
    }
    return () => {
      for (const step of steps) step.statement.all(step.parameters);
    };
  }
}
