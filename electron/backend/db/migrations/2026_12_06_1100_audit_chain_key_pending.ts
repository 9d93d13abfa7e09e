import { sql, type Kysely } from 'kysely';

/*
 * Frozen: audit entries from here on are signed with the terminal's key (HMAC-SHA256) instead of a
 * plain SHA-256 anyone can recompute. A migration runs once per database, so this flag marks the
 * one point where the unkeyed prefix of an existing chain may end: the backend consumes it at its
 * next start by appending the entry that opens the keyed part (audit/chain-key.ts). Without the
 * flag, a chain whose end is unkeyed fails verification instead of being re-opened.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO settings (key, value) VALUES ('audit_chain_key_pending', '1')
    ON CONFLICT (key) DO NOTHING`.execute(db);
}
