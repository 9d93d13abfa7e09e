import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * Every table's primary key starts with county_code, and every other unique key includes it, so that
 * a province can distribute these tables by county on Citus (upstream/README.md, "Built to shard").
 */
const statements = [
  `CREATE TABLE counties (
     county_code text NOT NULL,
     name text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (county_code)
   )`,
  `CREATE TABLE org_units (
     county_code text NOT NULL REFERENCES counties (county_code),
     id text NOT NULL,
     code text NOT NULL,
     name text NOT NULL,
     level text NOT NULL CHECK (level IN ('county', 'township', 'village')),
     parent_id text,
     -- Left out of a later edition: kept, because terminals and codes still point at it.
     retired_at timestamptz,
     PRIMARY KEY (county_code, id),
     UNIQUE (county_code, code),
     FOREIGN KEY (county_code, parent_id) REFERENCES org_units (county_code, id)
   )`,
  `CREATE TABLE org_tree_editions (
     county_code text NOT NULL REFERENCES counties (county_code),
     edition integer NOT NULL,
     published_at timestamptz NOT NULL,
     -- Null for an edition loaded by the hub's operator at start-up.
     published_by_terminal_id text,
     unit_count integer NOT NULL,
     PRIMARY KEY (county_code, edition)
   )`,
  `CREATE TABLE terminals (
     county_code text NOT NULL,
     id text NOT NULL,
     org_unit_id text NOT NULL,
     terminal_number text NOT NULL,
     app_version text NOT NULL,
     hostname text,
     -- SHA-256 of the bearer token: the token itself is never stored.
     token_hash text NOT NULL,
     enrolled_at timestamptz NOT NULL,
     last_contact_at timestamptz NOT NULL,
     revoked_at timestamptz,
     PRIMARY KEY (county_code, id),
     UNIQUE (county_code, token_hash),
     -- Numbers go into case numbers: never reissued within the unit, not even after a revocation.
     UNIQUE (county_code, org_unit_id, terminal_number),
     FOREIGN KEY (county_code, org_unit_id) REFERENCES org_units (county_code, id)
   )`,
  `CREATE TABLE enrolment_codes (
     county_code text NOT NULL,
     -- SHA-256 of the normalised code: the code itself is shown once and never stored.
     code_hash text NOT NULL,
     org_unit_id text NOT NULL,
     -- Null for the county centre's first code, printed by the hub at start-up.
     issued_by_terminal_id text,
     issued_at timestamptz NOT NULL,
     expires_at timestamptz NOT NULL,
     used_at timestamptz,
     used_by_terminal_id text,
     PRIMARY KEY (county_code, code_hash),
     FOREIGN KEY (county_code, org_unit_id) REFERENCES org_units (county_code, id)
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
