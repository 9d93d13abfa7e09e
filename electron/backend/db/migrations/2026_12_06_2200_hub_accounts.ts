import { sql, type Kysely } from 'kysely';

/*
 * Frozen: where each staff account stands with the county hub (issue 14, item 6). Terminal-local
 * (no sync columns, no outbox): the hub version a local change is based on, and the fields changed
 * here that the hub has not accepted yet, so that a change made offline is pushed later and merged
 * field by field with what other terminals of the unit changed meanwhile.
 */
const statements = [
  `CREATE TABLE hub_accounts (
    user_id TEXT NOT NULL PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    -- 0: the hub does not have the account yet.
    hub_version INTEGER NOT NULL DEFAULT 0,
    -- JSON array of the fields changed here and not yet accepted by the hub; null when in step.
    pending TEXT,
    -- The hub's refusal of the last push, in its own words; null when none.
    problem TEXT
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX hub_accounts_pending ON hub_accounts(user_id) WHERE pending IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
