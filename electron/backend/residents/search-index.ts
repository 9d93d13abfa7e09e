import { sql } from 'kysely';
import { pinyinInitials } from '@shared/domain/search/pinyin-initials';
import type { Db } from '../db/queryable';

/*
 * The residents' search indexes, kept by hand in the same transaction as the row (no triggers, so that
 * a bulk load can skip them and call rebuildResidentSearchIndexes once at the end):
 * - residents.initials: pinyin initials of the name, for queries such as "zsf";
 * - resident_bigrams: every two-character substring of the name and of the address, since FTS5
 *   trigram cannot match a two-character query;
 * - residents_fts: contentless trigram FTS5 over name, document number, phone digits and address,
 *   rowid = residents.rowid, for 3+ characters.
 * A resident that is tombstoned (deleted_at set) must be unindexed: the search counts read the
 * indexes alone.
 */

/** Surname-aware: 单雄信 → sxx, as a clerk would type it. */
export function residentInitials(name: string): string {
  return pinyinInitials(name, { personName: true });
}

/** The distinct two-character substrings of the name and of the address (never across the two). */
export function residentBigrams(name: string, address: string | null): string[] {
  const bigrams = new Set<string>();
  for (const text of [name, address ?? '']) {
    const characters = Array.from(text);
    for (let i = 0; i + 1 < characters.length; i += 1) {
      bigrams.add(`${characters[i]}${characters[i + 1]}`);
    }
  }
  return [...bigrams];
}

/** Phones are stored as 13800138000, 0577-88881234 or +85291234567; the index holds the digits only. */
function phoneDigits(phone: string | null): string | null {
  return phone === null ? null : phone.replace(/\D/g, '');
}

interface IndexedResident {
  rowid: number;
  name: string;
  doc_number: string;
  phone: string | null;
  address: string | null;
}

/** What residents_fts holds for a resident, in its column order (name, doc_number, phone, address). */
export function residentFtsValues(resident: IndexedResident): (string | null)[] {
  return [resident.name, resident.doc_number, phoneDigits(resident.phone), resident.address];
}

/** Adds a resident to residents_fts and resident_bigrams; the row's initials are written with the row. */
export async function indexResident(db: Db, resident: IndexedResident): Promise<void> {
  await sql`INSERT INTO residents_fts(rowid, name, doc_number, phone, address)
    VALUES (${resident.rowid}, ${sql.join(residentFtsValues(resident))})`.execute(db);
  const bigrams = residentBigrams(resident.name, resident.address);
  if (bigrams.length === 0) return;
  await db
    .insertInto('resident_bigrams')
    .values(bigrams.map((bigram) => ({ bigram, resident_rowid: resident.rowid })))
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** `resident` as it was indexed: the old bigrams are deleted by primary key. */
export async function unindexResident(db: Db, resident: IndexedResident): Promise<void> {
  // contentless_delete=1 lets a contentless table forget a row by rowid alone.
  await sql`DELETE FROM residents_fts WHERE rowid = ${resident.rowid}`.execute(db);
  const bigrams = residentBigrams(resident.name, resident.address);
  if (bigrams.length === 0) return;
  // resident_bigrams has no index on resident_rowid alone, hence the bigrams in the condition.
  await db
    .deleteFrom('resident_bigrams')
    .where('bigram', 'in', bigrams)
    .where('resident_rowid', '=', resident.rowid)
    .execute();
}

/** On update: the index entries of the row as it was, replaced by those of the row as it is. */
export async function reindexResident(
  db: Db,
  before: IndexedResident,
  after: IndexedResident,
): Promise<void> {
  await unindexResident(db, before);
  await indexResident(db, after);
}

/**
 * Rebuilds both tables from residents in a few statements, for bulk loads (the bench generator, a
 * restore from the hub). Run it in a transaction.
 */
export async function rebuildResidentSearchIndexes(db: Db): Promise<void> {
  await sql`INSERT INTO residents_fts(residents_fts) VALUES ('delete-all')`.execute(db);
  await sql`DELETE FROM resident_bigrams`.execute(db);
  await sql`INSERT INTO residents_fts(rowid, name, doc_number, phone, address)
    SELECT rowid, name, doc_number, replace(replace(phone, '-', ''), '+', ''), address
    FROM residents WHERE deleted_at IS NULL`.execute(db);
  // substr and length count characters, as residentBigrams does; sorted so the b-tree fills in order.
  await sql`WITH RECURSIVE
      positions(p) AS (
        SELECT 1 UNION ALL SELECT p + 1 FROM positions
        WHERE p < (SELECT max(max(length(name)), max(coalesce(length(address), 0))) FROM residents)
      ),
      texts(t, rid) AS (
        SELECT name, rowid FROM residents WHERE deleted_at IS NULL
        UNION ALL
        SELECT address, rowid FROM residents WHERE deleted_at IS NULL AND address IS NOT NULL
      )
    INSERT OR IGNORE INTO resident_bigrams(bigram, resident_rowid)
    SELECT substr(t, p, 2), rid FROM texts JOIN positions ON p < length(t)
    ORDER BY 1, 2`.execute(db);
}
