import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the edition of each kind of the county's reference data this terminal applied (the org
 * tree and the kinds of shared/sync/reference-contract.ts), one row per kind. Terminal-local (no sync
 * columns, no outbox): what a terminal applied is its own state. The org tree's edition moves here
 * from the enrolment's settings, so that an enrolled terminal keeps it; when it was published was not
 * kept, and it was applied when the terminal joined.
 *
 * An org unit the county no longer publishes is retired, never deleted: its records keep it, and
 * deleted_at would drop it and the units below it from every scope.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE reference_editions (
    kind TEXT PRIMARY KEY NOT NULL,
    edition INTEGER NOT NULL CHECK (edition >= 1),
    published_at TEXT,
    applied_at TEXT NOT NULL,
    summary TEXT NOT NULL
  ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`INSERT INTO reference_editions (kind, edition, published_at, applied_at, summary)
    SELECT 'orgTree', CAST(edition.value AS INTEGER), NULL,
      COALESCE((SELECT value FROM settings WHERE key = 'hub_joined_at'), ''),
      '加入县级平台时取得'
    FROM settings AS edition
    WHERE edition.key = 'hub_org_tree_edition' AND CAST(edition.value AS INTEGER) >= 1`.execute(db);
  await sql`DELETE FROM settings WHERE key = 'hub_org_tree_edition'`.execute(db);
  await sql`ALTER TABLE org_units ADD COLUMN retired_at TEXT`.execute(db);
}
