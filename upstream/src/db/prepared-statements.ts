import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * The hub's statements as named prepared statements on a PostgreSQL server. Kysely hands node-postgres
 * each statement as text, which it sends as an unnamed statement: PostgreSQL parses and analyses it
 * on every call, though a push sends the same ~20 texts each time (their values travel as JSON array
 * parameters, so a text does not depend on a push's size). node-postgres prepares a statement once
 * per connection when the query has a name; here the name is a hash of the text, given to a text
 * once the process has seen it twice (a text that embeds a list's length, as `IN ($2, $3, ...)` does,
 * may never come again). A connection keeps at most PER_CONNECTION of them: past that, all of its
 * statements are dropped when it goes back to the pool, outside any transaction, and prepared again
 * as they come.
 *
 * Each call is still planned with its values (plan_cache_mode=force_custom_plan, set on each
 * connection): after five calls PostgreSQL may otherwise keep one generic plan, planned without the
 * values, and rootsHeldElsewhere's look-up then took 32.5 ms a push of 100 instead of 0.8 ms in
 * bench:push's rounds. Measured by `npm run bench:hub-prepared` (rounds of 100 changes,
 * alternating): PostgreSQL's CPU a round 17.2 ms unprepared, 15.5 ms prepared and planned each
 * time, 22.3 ms with generic plans (bench/RESULTS.md).
 */
const PER_CONNECTION = 100;
/** The push's statements take a JSON array per column: a dozen parameters, never a list's worth. */
const MOST_PARAMETERS = 64;
/** Texts counted before the count starts again: the repeated ones come back at once. */
const TEXTS_COUNTED = 2000;

const seen = new Map<string, number>();

function nameFor(text: string): string | null {
  const count = (seen.get(text) ?? 0) + 1;
  if (count < 2) {
    if (seen.size >= TEXTS_COUNTED) seen.clear();
    seen.set(text, count);
    return null;
  }
  seen.set(text, count);
  return `hub_${createHash('sha1').update(text).digest('base64url')}`;
}

/** node-postgres's record of the statements a connection has parsed (not in its typings). */
interface ParsedStatements {
  connection: { parsedStatements: Record<string, string> };
}

/**
 * 0A000 on a prepared SELECT *: a table's columns changed since (a migration by another hub process),
 * "cached plan must not change result type". Told by its code: a server whose lc_messages is
 * zh_CN words the message in Chinese, and the statement would fail on every call after.
 */
const FEATURE_NOT_SUPPORTED = '0A000';

class PreparingClient implements PostgresPoolClient {
  /** The names this connection has been asked to prepare since it last dropped them. */
  private readonly named = new Set<string>();
  /** A statement of this connection no longer fits its tables: drop them all on release. */
  private stale = false;

  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      return (this.client as unknown as PostgresPoolClient).query(sqlOrCursor);
    }
    const values = [...(parameters ?? [])];
    // A statement without parameters (BEGIN, COMMIT) goes by the simple protocol, unprepared; one
    // with a list's worth (IN ($2, $3, ...), a multi-row VALUES) has a text per length, which would
    // fill the connection's PER_CONNECTION with statements seldom used again.
    const name =
      values.length > 0 && values.length <= MOST_PARAMETERS ? nameFor(sqlOrCursor) : null;
    if (name === null) {
      return this.client.query(sqlOrCursor, values) as unknown as Promise<PostgresQueryResult<R>>;
    }
    this.named.add(name);
    const result = this.client.query({ name, text: sqlOrCursor, values });
    return result.catch((error: unknown) => {
      // The statement fails this once (its transaction is aborted anyway); prepared again after.
      if ((error as { code?: unknown } | null)?.code === FEATURE_NOT_SUPPORTED) this.stale = true;
      throw error;
    }) as unknown as Promise<PostgresQueryResult<R>>;
  }

  release(destroy?: boolean): void {
    if (!destroy && (this.stale || this.named.size > PER_CONNECTION)) {
      this.stale = false;
      // Queued before any later user's statements, so none of them finds its statement gone. The
      // client's record is cleared at once: the next statement queued is parsed again.
      this.named.clear();
      (this.client as unknown as ParsedStatements).connection.parsedStatements = {};
      this.client.query('DEALLOCATE ALL').catch(() => {
        // Idle and outside a transaction, this fails only on a broken connection, whose next
        // statement fails as well.
      });
    }
    this.client.release(destroy);
  }
}

/** A pool for Kysely's PostgresDialect whose connections prepare the statements that repeat. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  // One wrapper a connection: Kysely keys its own connection objects by the client it is given.
  const wrappers = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        try {
          await client.query('SET plan_cache_mode = force_custom_plan');
        } catch (error) {
          client.release(true);
          throw error;
        }
        wrapper = new PreparingClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
