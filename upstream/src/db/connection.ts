import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { HubDatabase } from './schema';

/**
 * Where the hub keeps its data: a real PostgreSQL server (a county's or a province's Citus
 * coordinator) by URL, or PGlite, PostgreSQL compiled to WebAssembly, in a folder (or in memory for
 * tests) so that a county can try the hub without installing a database server.
 */
export type HubStorage =
  | { kind: 'postgres'; url: string }
  // `from`: a data directory dumped by PGlite's dumpDataDir, to start without running initdb again.
  | { kind: 'pglite'; dataDir?: string; from?: Blob };

export function openHubDatabase(storage: HubStorage): Kysely<HubDatabase> {
  if (storage.kind === 'postgres') {
    return new Kysely<HubDatabase>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: storage.url, max: 10 }),
      }),
    });
  }
  // One options object: PGlite ignores the second argument when the first is not a string.
  const pglite = new PGlite({
    ...(storage.dataDir ? { dataDir: storage.dataDir } : {}),
    ...(storage.from ? { loadDataDir: storage.from } : {}),
  });
  return new Kysely<HubDatabase>({ dialect: new PGliteDialect(pglite) });
}
