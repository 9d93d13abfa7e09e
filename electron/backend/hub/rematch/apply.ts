import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import { DomainError } from '../../core/errors';
import { unpushedEntry } from '../../core/pushed-through';
import type { Database } from '../../db/schema';
import { REPOINT_TARGETS } from './targets';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const CHUNK = 400;

/**
 * Registers rematch_text(text) on the connection before the transaction opens (SQLite refuses to
 * redefine a function while statements are pending): each mapped id inside the text replaced.
 * Ids are UUIDs, so a match is the id itself and never part of other content.
 */
export function registerRematchText(sqlite: BetterSqlite3.Database, ids: Map<string, string>) {
  sqlite.function('rematch_text', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.replace(UUID, (id) => ids.get(id) ?? id) : text,
  );
}

/**
 * Rewrites every id of the plan in every column of REPOINT_TARGETS inside the caller's
 * transaction, like a migration: foreign keys are checked once at the end, so a row may point at
 * an id that only exists a few statements later, and anything left dangling fails the whole step.
 * Answers the number of column values rewritten.
 */
export async function applyRematch(
  trx: Transaction<Database>,
  ids: Map<string, string>,
): Promise<number> {
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  await sql`CREATE TEMP TABLE rematch_ids (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID`.execute(
    trx,
  );
  const pairs = [...ids];
  for (let start = 0; start < pairs.length; start += CHUNK) {
    const values = pairs
      .slice(start, start + CHUNK)
      .map(([oldId, newId]) => sql`(${oldId}, ${newId})`);
    await sql`INSERT INTO temp.rematch_ids (old, new) VALUES ${sql.join(values)}`.execute(trx);
  }
  let rewritten = 0;
  for (const target of REPOINT_TARGETS) {
    const table = sql.table(target.table);
    const column = sql.ref(target.column);
    const qualified = sql.ref(`${target.table}.${target.column}`);
    const unpushed = target.unpushed ? sql`AND ${sql.raw(unpushedEntry('outbox'))}` : sql``;
    const result =
      target.refers === 'text'
        ? await sql`UPDATE ${table} SET ${column} = rematch_text(${column})
            WHERE ${column} <> rematch_text(${column}) ${unpushed}`.execute(trx)
        : await sql`UPDATE ${table}
            SET ${column} = (SELECT new FROM temp.rematch_ids WHERE old = ${qualified})
            WHERE ${column} IN (SELECT old FROM temp.rematch_ids) ${unpushed}`.execute(trx);
    rewritten += Number(result.numAffectedRows ?? 0n);
  }
  await sql`DROP TABLE temp.rematch_ids`.execute(trx);
  const dangling = await sql<{
    table: string;
    parent: string;
  }>`SELECT "table", parent FROM pragma_foreign_key_check LIMIT 5`.execute(trx);
  if (dangling.rows.length > 0) {
    const where = dangling.rows.map((row) => `${row.table} → ${row.parent}`).join('、');
    throw new DomainError(
      'HUB_REMATCH_FAILED',
      `按县级平台统一编码整理本机数据时发现无法对应的记录（${where}），已全部撤销，本机数据未作改动。请联系技术支持`,
    );
  }
  return rewritten;
}
