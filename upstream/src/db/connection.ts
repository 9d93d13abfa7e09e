import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { HubDatabase } from './schema';

/**
 * Where the hub keeps its data: a real PostgreSQL server (a county's or a province's Citus
 * coordinator) by URL, or PGlite, PostgreSQL compiled to WebAssembly, in a folder (or in memory for
 * tests) so that a county can try the hub without installing a database server.
 */
export type HubStorage =
  // poolSize: connections the hub keeps open to the server (default 10).
  | { kind: 'postgres'; url: string; poolSize?: number }
  // `from`: a data directory dumped by PGlite's dumpDataDir, to start without running initdb again.
  | { kind: 'pglite'; dataDir?: string; from?: Blob };

/** `onQuery` sees the SQL of every statement: the sharding test checks each names the county. */
export function openHubDatabase(
  storage: HubStorage,
  onQuery?: (sql: string) => void,
): Kysely<HubDatabase> {
  const log = onQuery
    ? (event: LogEvent) => {
        if (event.level === 'query') onQuery(event.query.sql);
      }
    : undefined;
  if (storage.kind === 'postgres') {
    return new Kysely<HubDatabase>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: storage.url, max: storage.poolSize ?? 10 }),
      }),
      log,
    });
  }
  // One options object: PGlite ignores the second argument when the first is not a string.
  const pglite = new PGlite({
    ...(storage.dataDir ? { dataDir: storage.dataDir } : {}),
    ...(storage.from ? { loadDataDir: storage.from } : {}),
  });
  return new Kysely<HubDatabase>({ dialect: new PGliteDialect(pglite), log });
}
