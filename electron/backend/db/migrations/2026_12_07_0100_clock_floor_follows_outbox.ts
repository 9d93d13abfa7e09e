import { sql, type Kysely } from 'kysely';

/*
 * Frozen: the clock's floor (sync_state.clock_floor) follows every outbox entry's version as the
 * entry is written, in its transaction, inside SQLite: no extra round trip per entry from the app,
 * and no write path can append an entry and leave the floor behind. Pushed entries may then be
 * pruned without the clock ever starting below a version it handed out.
 */
const statements = [
  `CREATE TRIGGER outbox_raises_clock_floor AFTER INSERT ON outbox
  BEGIN
    UPDATE sync_state SET clock_floor = NEW.version
      WHERE id = 1 AND (clock_floor IS NULL OR clock_floor < NEW.version);
  END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
