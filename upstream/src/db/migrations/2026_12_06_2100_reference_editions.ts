import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the hub and must never change once released.
 * Reference data the county publishes (catalogue, holiday calendar, dispute types, mediation
 * reference, mediator roster): one series of editions per kind, each a whole payload, keyed by county
 * first like every hub table (upstream/README.md, "Built to shard").
 */
const statements = [
  `CREATE TABLE reference_editions (
     county_code text NOT NULL REFERENCES counties (county_code),
     kind text NOT NULL
       CHECK (kind IN ('catalogue', 'calendar', 'disputeTypes', 'mediationReference', 'roster')),
     edition integer NOT NULL CHECK (edition >= 1),
     -- The whole edition as terminals pull it: the shape of the file the app ships in resources/.
     payload jsonb NOT NULL,
     published_at timestamptz NOT NULL,
     published_by_terminal_id text,
     -- The manifest reads the last edition of each kind backwards along this key.
     PRIMARY KEY (county_code, kind, edition)
   )`,
  // Every roster entry id the hub has accepted or issued, so that one id never names people of two counties.
  `CREATE TABLE roster_entry_ids (
     county_code text NOT NULL REFERENCES counties (county_code),
     id text NOT NULL,
     first_edition integer NOT NULL,
     PRIMARY KEY (county_code, id)
   )`,
  // Not unique: a unique key without county_code could not be distributed; the publish checks instead.
  `CREATE INDEX roster_entry_ids_by_id ON roster_entry_ids (id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
