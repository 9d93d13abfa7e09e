import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * Attachment files held by the hub, by county and SHA-256 (shared/sync/blob-contract.ts). A row is
 * written only once the whole file is checked and in place; a partial upload is a file on disk.
 */
const statements = [
  `CREATE TABLE sync_blobs (
     county_code text NOT NULL REFERENCES counties (county_code),
     sha256 text NOT NULL,
     size bigint NOT NULL,
     mime text NOT NULL,
     stored_at timestamptz NOT NULL,
     uploaded_by_terminal_id text NOT NULL,
     PRIMARY KEY (county_code, sha256)
   )`,
  // A blob is read only by a unit that sees an attachment naming it: found by hash, not by id.
  `CREATE INDEX sync_records_attachment_sha256 ON sync_records (county_code, (columns ->> 'sha256'))
     WHERE table_name = 'attachments'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
