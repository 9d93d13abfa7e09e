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
export type HubStorage = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir?: string };

export function openHubDatabase(storage: HubStorage): Kysely<HubDatabase> {
  if (storage.kind === 'postgres') {
    return new Kysely<HubDatabase>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: storage.url, max: 10 }),
      }),
    });
  }
  return new Kysely<HubDatabase>({ dialect: new PGliteDialect(new PGlite(storage.dataDir)) });
}
