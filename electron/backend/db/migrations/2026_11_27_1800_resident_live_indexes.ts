import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the residents search counts its matches for the pager. On the plain name and initials
 * indexes each match meant reading its row to check deleted_at (300 000 residents: a 1-character
 * query took over 100 ms); these partial indexes hold live residents only, so a count stays in the
 * index. They replace the plain ones, which every query that filters live residents bypassed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX residents_live_name ON residents(name) WHERE deleted_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX residents_live_initials ON residents(initials)
    WHERE deleted_at IS NULL`.execute(db);
  await sql`DROP INDEX residents_name`.execute(db);
  await sql`DROP INDEX residents_initials`.execute(db);
}
