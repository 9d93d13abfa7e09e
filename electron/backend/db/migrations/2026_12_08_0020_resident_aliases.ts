import { sql, type Kysely } from 'kysely';

/*
 * Frozen: residents merged into another by document number (issue 15 item 1). Two terminals that
 * register one person each give them an id; the one with the smaller id (UUIDv7: the older) is kept
 * everywhere, the other is tombstoned and named here, so that a record still naming it (pulled, or
 * pushed before the merge) is pointed at the survivor. Each terminal and the hub derive it by the
 * same rule, so it travels nowhere. Terminal-local.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE resident_aliases (
    alias_id TEXT PRIMARY KEY,
    resident_id TEXT NOT NULL,
    merged_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX resident_aliases_resident ON resident_aliases(resident_id)`.execute(db);
}
