import type BetterSqlite3 from 'better-sqlite3';

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * Statements run in bulk (the pull's per record, the push's per batch), prepared once per connection
 * and text: a first sync runs each of them a hundred thousand times, and preparing costs more than
 * running.
 */
export function prepared(sqlite: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = statements.get(sqlite);
  if (!cache) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = sqlite.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}
