import { sql, type Kysely, type QueryResult, type RawBuilder } from 'kysely';
import type { Db } from './queryable';
import type { Database } from './schema';

/*
 * The list walks name their index (INDEXED BY): without statistics SQLite cannot tell the
 * (org_unit_id, …) indexes apart. A statement naming a missing index fails to prepare, and a first
 * sync drops the cases' and disputes' secondary indexes for its length (hub/pull/deferred-indexes.ts).
 * So these queries name an index only where the database has it; without it they return the same
 * rows in the same order (each ORDER BY ends with rowid), by a slower plan.
 *
 * Which indexes exist is read once per database handle and schema: SQLite's schema_version changes
 * with every CREATE or DROP, whoever runs it (the pull's deferral, a migration, a restored file).
 * The check and the query run in one read transaction, so that a drop cannot fall between them.
 */

export interface PresentIndexes {
  has(name: string): boolean;
}

/** For a query built where the whole schema is known to be in place (a test's migrated database). */
export const EVERY_INDEX: PresentIndexes = { has: () => true };

/** For a query's shape where it does not depend on the indexes, or a plan without any named. */
export const NO_INDEX: PresentIndexes = { has: () => false };

/** `table` walked on `index` where the database has it, else left to the planner. */
export function indexedBy(
  table: RawBuilder<unknown>,
  index: string,
  present: PresentIndexes,
): RawBuilder<unknown> {
  return present.has(index) ? sql`${table} INDEXED BY ${sql.id(index)}` : table;
}

interface KnownIndexes {
  schemaVersion: number;
  names: ReadonlySet<string>;
}

const known = new WeakMap<Kysely<Database>, KnownIndexes>();

async function readIndexes(db: Db, cached: KnownIndexes | undefined): Promise<KnownIndexes> {
  const version = await sql<{ schema_version: number }>`PRAGMA schema_version`.execute(db);
  const schemaVersion = version.rows[0]!.schema_version;
  if (cached?.schemaVersion === schemaVersion) return cached;
  const names = await sql<{
    name: string;
  }>`SELECT name FROM sqlite_schema WHERE type = 'index'`.execute(db);
  return { schemaVersion, names: new Set(names.rows.map((row) => row.name)) };
}

/** Builds the query against the indexes the database has now, and runs it. */
export async function executeNaming<R>(
  db: Db,
  query: (present: PresentIndexes) => RawBuilder<R>,
): Promise<QueryResult<R>> {
  // A transaction holds the connection already (and cannot ask for it again).
  if (db.isTransaction) return query((await readIndexes(db, undefined)).names).execute(db);
  const root = db as Kysely<Database>;
  // The pull writes on a connection of its own (hub/pull/pull-thread.ts) and may drop or build an
  // index between the check and the query: one read transaction sees one schema throughout.
  return root.connection().execute(async (held) => {
    await sql`BEGIN DEFERRED`.execute(held);
    try {
      const indexes = await readIndexes(held, known.get(root));
      known.set(root, indexes);
      const result = await query(indexes.names).execute(held);
      await sql`COMMIT`.execute(held);
      return result;
    } catch (error) {
      // SQLite may have ended the transaction itself (an I/O error): the first error is the one to tell.
      await sql`ROLLBACK`.execute(held).catch(() => undefined);
      throw error;
    }
  });
}
