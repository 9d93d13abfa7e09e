import { sql } from 'kysely';
import type { Db } from '../../db/queryable';

/**
 * The dispute search indexes: a contentless trigram FTS5 table over the case number and the parties'
 * names (3+ characters), and a table of the names' 2-character substrings, since a trigram index
 * cannot answer a 2-character query and most Chinese given names are two characters. Kept by the
 * services in the same transaction as the dispute; exported for the benchmark generator, which fills
 * them after a bulk load.
 */

export const PARTY_NAME_SEPARATOR = '、';

/** Width-folded, so that "(2026)" typed on a half-width keyboard finds "（2026）". */
export function searchForm(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The distinct 2-character substrings of each name; never across two names. */
export function nameBigrams(partyNames: string): string[] {
  const bigrams = new Set<string>();
  for (const name of partyNames.split(PARTY_NAME_SEPARATOR)) {
    const characters = Array.from(searchForm(name.replace(/\s+/g, '')));
    for (let i = 0; i + 1 < characters.length; i += 1) {
      bigrams.add(`${characters[i]}${characters[i + 1]}`);
    }
  }
  return [...bigrams];
}

interface IndexedDispute {
  rowid: number;
  caseNo: string;
  partyNames: string;
}

/** Adds a dispute that is not yet indexed (a new one, or every one after a bulk load). */
/** What disputes_fts holds for a dispute, in its column order (case_no, party_names). */
export function disputeFtsValues(dispute: IndexedDispute): string[] {
  return [searchForm(dispute.caseNo), searchForm(dispute.partyNames)];
}

export async function indexDispute(db: Db, dispute: IndexedDispute): Promise<void> {
  await sql`INSERT INTO disputes_fts(rowid, case_no, party_names)
    VALUES (${dispute.rowid}, ${sql.join(disputeFtsValues(dispute))})`.execute(db);
  const bigrams = nameBigrams(dispute.partyNames);
  if (bigrams.length > 0) {
    await db
      .insertInto('dispute_bigrams')
      .values(bigrams.map((bigram) => ({ bigram, dispute_rowid: dispute.rowid })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

async function unindexDispute(db: Db, rowid: number): Promise<void> {
  await sql`DELETE FROM disputes_fts WHERE rowid = ${rowid}`.execute(db);
  await db.deleteFrom('dispute_bigrams').where('dispute_rowid', '=', rowid).execute();
}

/** After the case number or a party's name changed: the index entry is replaced whole. */
export async function reindexDispute(db: Db, disputeId: string): Promise<void> {
  const row = await sql<{ rowid: number; case_no: string; party_names: string }>`
    SELECT rowid, case_no, party_names FROM disputes WHERE id = ${disputeId}`.execute(db);
  const dispute = row.rows[0];
  if (!dispute) return;
  await unindexDispute(db, dispute.rowid);
  await indexDispute(db, {
    rowid: dispute.rowid,
    caseNo: dispute.case_no,
    partyNames: dispute.party_names,
  });
}

/** The FTS5 phrase for a user's text: quoted, so that no character is read as query syntax. */
export function ftsPhrase(query: string): string {
  return `"${searchForm(query).replace(/"/g, '""')}"`;
}
