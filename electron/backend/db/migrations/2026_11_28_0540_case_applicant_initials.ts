import { sql, type Kysely } from 'kysely';

/*
 * Frozen: a case search by pinyin initials matches the applicant's initials as recorded on the case,
 * beside the name as recorded (cases_fts), instead of the resident register's. Joined through the
 * register, a two-letter search read thousands of residents and their cases by id, scattered seeks
 * that cost 30–80 ms at ten years. On the case:
 * - cases_live_initials gives the candidates with their intake time in one range;
 * - the walk across units (cases_live_created) tests the initials in its own entries, reading no row;
 * - the residents' (initials, id) indexes of 2026_11_28_0520 are no longer read.
 * Initials are derived from the name the same way as the register's (residents/search-index.ts).
 */
const statements = [
  `ALTER TABLE cases ADD COLUMN applicant_initials TEXT NOT NULL DEFAULT ''`,
  `UPDATE cases SET applicant_initials = coalesce(
    (SELECT r.initials FROM residents r WHERE r.id = cases.resident_id), '')`,
  `DROP INDEX cases_live_created`,
  `CREATE INDEX cases_live_created ON cases(created_at, org_unit_id, applicant_initials)
    WHERE deleted_at IS NULL`,
  `CREATE INDEX cases_live_initials ON cases(applicant_initials, created_at)
    WHERE deleted_at IS NULL`,
  `DROP INDEX residents_live_initials_id`,
  `DROP INDEX residents_live_id_initials`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
