import type { KyselyPlugin, QueryResult, UnknownRow } from 'kysely';

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
