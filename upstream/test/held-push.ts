import type { HubDatabase } from '../src/db/schema';
import { sql, type Kysely, type KyselyPlugin, type QueryResult, type UnknownRow } from 'kysely';

/**
 * A Kysely plugin that holds a push once it has taken its change numbers (the one-row answer that
 * names `base`): its look-ups done, its rows locked, its commit not yet made. `numbered` resolves
 * when the push is held there; it goes on after `release()`.
 */
export function holdAfterNumbering(): {
  plugin: KyselyPlugin;
  numbered: Promise<void>;
  release: () => void;
} {
  let reached!: () => void;
  const numbered = new Promise<void>((resolve) => (reached = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    async transformResult(args): Promise<QueryResult<UnknownRow>> {
      if (args.result.rows.length === 1 && 'base' in args.result.rows[0]!) {
        reached();
        await released;
      }
      return args.result;
    },
  };
  return { plugin, numbered, release };
}

/** Resolves once a statement of this database waits on a lock (real PostgreSQL: pg_stat_activity). */
export async function untilWaitingOnLock(db: Kysely<HubDatabase>): Promise<void> {
  for (;;) {
    const waiting = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(db);
    if (waiting.rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
