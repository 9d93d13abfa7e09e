import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { openSqlite } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { Database } from '../db/schema';

/**
 * For tests: a migrated database whose Kysely records every statement it runs, so that a test can
 * ask SQLite how it would answer each one (EXPLAIN QUERY PLAN) without copying the SQL.
 */
export interface PlanProbe {
  db: Kysely<Database>;
  /** The plan lines of every statement run since the last call. */
  plans(): Promise<{ sql: string; lines: string[] }[]>;
  close(): Promise<void>;
}

export async function planProbe(): Promise<PlanProbe> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-plan-'));
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: openSqlite(join(dir, 'plan.sqlite')) }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  await migrate(
    db as Kysely<unknown>,
    migrations,
    () => new Date().toISOString(),
    async () => {},
  );
  captured.length = 0;
  return {
    db,
    async plans() {
      const statements = captured.splice(0);
      const plans = [];
      for (const query of statements) {
        const result = await db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
        );
        plans.push({ sql: query.sql, lines: result.rows.map((row) => row.detail) });
      }
      captured.length = 0;
      return plans;
    },
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The plan lines that read a whole table. Allowed: the catalogue (service_items, a few dozen rows),
 * a subquery's own result, and the FTS index, which SQLite reports as a scan of the virtual table.
 */
export function fullScans(lines: readonly string[]): string[] {
  return lines.filter(
    (line) =>
      /^SCAN /.test(line) &&
      !/^SCAN (service_items|i|m|CONSTANT ROW)\b/.test(line) &&
      !/VIRTUAL TABLE/.test(line),
  );
}
