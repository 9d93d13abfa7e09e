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

/**
 * What db/named-indexes.ts runs around a query that names an index (its read transaction and the
 * schema it reads): no statement of the lists.
 */
const SCHEMA_READS =
  /^(?:PRAGMA schema_version|SELECT name FROM sqlite_schema\b|BEGIN DEFERRED$|COMMIT$)/;

export async function planProbe(): Promise<PlanProbe> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-plan-'));
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: openSqlite(join(dir, 'plan.sqlite')) }),
    log: (event) => {
      if (event.level === 'query' && !SCHEMA_READS.test(event.query.sql))
        captured.push(event.query);
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
 * The plan lines that read a whole table that grows with the years: cases, residents and their
 * bigrams, case events, ratings and follow-ups, org units, under the aliases the queries give them.
 * Scans of a subquery's own rows, of the catalogue (a few dozen items) and of the FTS index (which
 * SQLite reports as a scan of the virtual table) are fine.
 */
export function fullScans(lines: readonly string[]): string[] {
  return lines.filter(
    (line) =>
      /^SCAN (c|k|r|b|e|f|ao|v|rd|cases|residents|resident_bigrams|case_events|ratings|rating_followups|org_units)\b/.test(
        line,
      ) && !/VIRTUAL TABLE/.test(line),
  );
}
