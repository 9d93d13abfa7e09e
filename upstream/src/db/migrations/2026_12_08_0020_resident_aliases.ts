import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * One person, one resident record (issue 15 item 1): a pushed resident whose document the county
 * already holds under a smaller id is kept as a tombstone and named here, so that the records
 * naming it, in its push and in later ones, name the survivor. Looked up by document among the
 * live residents of the county.
 */
const statements = [
  `CREATE TABLE sync_resident_aliases (
     county_code text NOT NULL REFERENCES counties (county_code),
     alias_id text NOT NULL,
     resident_id text NOT NULL,
     merged_at timestamptz NOT NULL,
     PRIMARY KEY (county_code, alias_id)
   )`,
  `CREATE INDEX sync_records_resident_document ON sync_records
     (county_code, (columns ->> 'doc_type'), (columns ->> 'doc_number'))
     WHERE table_name = 'residents' AND NOT deleted`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
