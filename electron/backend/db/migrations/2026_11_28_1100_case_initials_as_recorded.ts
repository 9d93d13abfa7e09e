import { sql, type Kysely } from 'kysely';
import { pinyinInitials } from '@shared/domain/search/pinyin-initials';

/*
 * Frozen: 2026_11_28_0540 filled applicant_initials from the resident register, while intake writes
 * them from the applicant's name as recorded on the case, as the name itself is searched. The two
 * differ where a resident was renamed after the case (or the case has no register entry): those
 * cases get their recorded name's initials, read as residents/search-index.ts residentInitials
 * reads a person's name. The scan joins each case to its resident once; few rows change. It calls
 * the live pinyinInitials on purpose: the initials must read as intake and the register read them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const stale = await sql<{ rid: number; name: string }>`SELECT c.rowid AS rid,
      c.applicant_name AS name
    FROM cases c LEFT JOIN residents r ON r.id = c.resident_id
    WHERE r.name IS NOT c.applicant_name`.execute(db);
  for (const row of stale.rows) {
    const initials = pinyinInitials(row.name, { personName: true });
    await sql`UPDATE cases SET applicant_initials = ${initials} WHERE rowid = ${row.rid}`.execute(
      db,
    );
  }
}
