import { sql, type Kysely } from 'kysely';
import type { Migration } from './migrations';

/**
 * Runs the pending migrations in order, each in its own transaction. The record of what ran lives in
 * schema hub_meta, apart from the county-keyed tables in public: it belongs to the database, not to a
 * county, and on Citus it stays a local table of the coordinator.
 */
export async function migrate<DB>(
  database: Kysely<DB>,
  migrations: readonly Migration[],
): Promise<string[]> {
  // Migrations are frozen against the schema of their day, not today's HubDatabase.
  const db = database as unknown as Kysely<unknown>;
  await sql`CREATE SCHEMA IF NOT EXISTS hub_meta`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS hub_meta.schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction().execute(async (trx) => {
      // Two hubs starting on one server: the second waits, then finds the migration applied.
      await sql`LOCK TABLE hub_meta.schema_migrations IN EXCLUSIVE MODE`.execute(trx);
      const done = await sql<{ name: string }>`
        SELECT name FROM hub_meta.schema_migrations WHERE name = ${migration.name}`.execute(trx);
      if (done.rows.length > 0) return false;
      await migration.up(trx);
      await sql`INSERT INTO hub_meta.schema_migrations (name) VALUES (${migration.name})`.execute(
        trx,
      );
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  const known = new Set(migrations.map((m) => m.name));
  const all = await sql<{ name: string }>`SELECT name FROM hub_meta.schema_migrations`.execute(db);
  const unknown = all.rows.map((row) => row.name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`the database was migrated by a newer hub: ${unknown.join(', ')}`);
  }
  return applied;
}
