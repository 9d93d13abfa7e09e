import { sql } from 'kysely';
import { caseNumberSearchKey } from '@shared/domain/cases/case-number';
import type { Db } from '../../db/queryable';

interface CaseSearchFields {
  /** The rowid of the cases row. */
  rowid: number;
  caseNo: string;
  applicantName: string;
  itemName: string;
}

/**
 * Adds a case to cases_fts (contentless trigram) in the caller's transaction. The number is indexed
 * as printed and as its digits alone, so that a fragment typed with or without dashes both match.
 * The bench generator fills the index with this too.
 */
export async function indexCaseForSearch(db: Db, fields: CaseSearchFields): Promise<void> {
  await sql`INSERT INTO cases_fts (rowid, case_no, applicant_name, item_name)
    VALUES (${fields.rowid}, ${sql.join(caseFtsValues(fields))})`.execute(db);
}

/** What cases_fts holds for a case, in its column order (case_no, applicant_name, item_name). */
export function caseFtsValues(fields: CaseSearchFields): string[] {
  const number = `${fields.caseNo} ${caseNumberSearchKey(fields.caseNo)}`;
  return [number, fields.applicantName, fields.itemName];
}
