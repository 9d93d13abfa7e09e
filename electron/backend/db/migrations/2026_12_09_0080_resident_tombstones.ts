import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the tombstones of residents by document (issue 15, one resident across terminals). A
 * pulled survivor looks up the records of its document the hub merged away before it arrived here;
 * partial, so that it holds only the few merged records and costs the live register nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX residents_tombstones ON residents(doc_type, doc_number)
    WHERE deleted_at IS NOT NULL`.execute(db);
}
