import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * Staff accounts that follow the person (issue 14, item 6). Keyed by county first, like every
 * hub table (upstream/README.md, "Built to shard").
 */
const statements = [
  // One row per county: pushes take the row's lock, so sequence numbers commit in order and a
  // terminal's cursor never skips a change that commits later with a smaller number.
  `CREATE TABLE account_sequences (
     county_code text NOT NULL REFERENCES counties (county_code),
     last_seq integer NOT NULL,
     PRIMARY KEY (county_code)
   )`,
  `CREATE TABLE accounts (
     county_code text NOT NULL,
     id text NOT NULL,
     org_unit_id text NOT NULL,
     username text NOT NULL,
     -- Lower case: unique in the county whatever the case, as on the terminal.
     username_key text NOT NULL,
     display_name text NOT NULL,
     role text NOT NULL,
     -- As the unit's terminal sent it; the hub never verifies a password.
     password_hash text NOT NULL,
     password_format text NOT NULL,
     must_change_password boolean NOT NULL,
     disabled boolean NOT NULL,
     deleted boolean NOT NULL,
     version integer NOT NULL,
     seq integer NOT NULL,
     updated_at timestamptz NOT NULL,
     updated_by_terminal_id text NOT NULL,
     PRIMARY KEY (county_code, id),
     FOREIGN KEY (county_code, org_unit_id) REFERENCES org_units (county_code, id)
   )`,
  // A deleted (never used) account frees its username.
  `CREATE UNIQUE INDEX accounts_username ON accounts (county_code, username_key) WHERE NOT deleted`,
  `CREATE INDEX accounts_unit_seq ON accounts (county_code, org_unit_id, seq)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
