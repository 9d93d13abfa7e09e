import { sql, type Kysely } from 'kysely';

/*
 * Frozen: a draft per user and form, so that leaving a half-filled form, the idle lock or a restart
 * loses nothing. Terminal-local (no sync columns, no outbox); a user's drafts go with the user.
 */
const statements = [
  `CREATE TABLE form_drafts (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    form_key TEXT NOT NULL,
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (user_id, form_key)
  ) STRICT, WITHOUT ROWID`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
