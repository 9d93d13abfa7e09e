import { sql, type Kysely } from 'kysely';

/*
 * Frozen: what a terminal holds of the county's reference data (issue 14 item 5).
 *
 * reference_data has one row per kind the terminal has applied or published: the hub's edition
 * number (the base of the county centre's next publish) and, for the lists read at run time
 * (dispute types, mediation reference), the payload itself. Without a row the shipped file holds.
 *
 * mediators.county_registered marks the roster entries the county's roster edition owns: a newer
 * edition updates or deactivates those, and never touches entries the terminal added itself.
 */
const statements = [
  `CREATE TABLE reference_data (
    kind TEXT PRIMARY KEY,
    edition INTEGER NOT NULL,
    edition_label TEXT,
    payload TEXT,
    applied_at TEXT NOT NULL
  )`,
  `ALTER TABLE mediators ADD COLUMN county_registered INTEGER NOT NULL DEFAULT 0`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
