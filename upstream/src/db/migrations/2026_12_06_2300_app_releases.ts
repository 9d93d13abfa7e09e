import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * App releases the county centre uploaded; the installers themselves lie in the hub's releases
 * folder, one folder per county and version. Keyed by county first, like every hub table.
 */
const statements = [
  `CREATE TABLE app_releases (
     county_code text NOT NULL REFERENCES counties (county_code),
     version text NOT NULL,
     file_name text NOT NULL,
     size integer NOT NULL,
     -- base64, as electron-builder writes it into latest.yml.
     sha512 text NOT NULL,
     release_date text,
     -- Served as uploaded: electron-updater reads keys this hub does not know of.
     latest_yml text NOT NULL,
     -- From this release on the hub syncs only with this app version or newer; null: no limit.
     oldest_app_version text,
     uploaded_at timestamptz NOT NULL,
     uploaded_by_terminal_id text,
     PRIMARY KEY (county_code, version)
   )`,
  `CREATE INDEX app_releases_latest ON app_releases (county_code, uploaded_at DESC)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
