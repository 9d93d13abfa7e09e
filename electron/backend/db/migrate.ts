import { sql, type Kysely } from 'kysely';
import type { Migration } from './migrations';

/**
 * Runs the pending migrations in order, each in its own transaction, recording it in
 * schema_migrations. Returns the names applied. `beforeFirst` runs once, only if something is
 * pending, so that a backup is taken just before the schema changes.
 */
export async function migrate(
  db: Kysely<unknown>,
  migrations: readonly Migration[],
  now: () => string,
  beforeFirst: () => Promise<void>,
): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL) STRICT`.execute(
    db,
  );
  const applied = new Set(
    (await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(db)).rows.map(
      (row) => row.name,
    ),
  );
  const unknown = [...applied].filter((name) => !migrations.some((m) => m.name === name));
  if (unknown.length > 0) {
    throw new Error(`database was migrated by a newer version of the app: ${unknown.join(', ')}`);
  }
  const pending = migrations.filter((m) => !applied.has(m.name));
  if (pending.length === 0) return [];
  await beforeFirst();
  for (const migration of pending) {
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      await sql`INSERT INTO schema_migrations (name, applied_at) VALUES (${migration.name}, ${now()})`.execute(
        trx,
      );
    });
  }
  return pending.map((m) => m.name);
}
