import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openHubDatabase } from '../src/db/connection';
import { migrate } from '../src/db/migrate';
import { migrations } from '../src/db/migrations';
import type { HubDatabase } from '../src/db/schema';

export interface Backend {
  label: string;
  /** A fresh, migrated database; close() drops what open() made. */
  open(
    onQuery?: (sql: string) => void,
  ): Promise<{ db: Kysely<HubDatabase>; url: string | null; close(): Promise<void> }>;
}

const pglite: Backend = {
  label: 'PGlite',
  async open(onQuery) {
    const template = await readFile(inject('pgliteTemplate'));
    const db = openHubDatabase({ kind: 'pglite', from: new Blob([template]) }, onQuery);
    // Already migrated in the template; running it checks that the template is current.
    await migrate(db, migrations);
    return { db, url: null, close: () => db.destroy() };
  },
};

function postgres(serverUrl: string): Backend {
  return {
    label: 'PostgreSQL',
    async open(onQuery) {
      const name = `hub_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
      const db = openHubDatabase({ kind: 'postgres', url }, onQuery);
      await migrate(db, migrations);
      return {
        db,
        url,
        async close() {
          await db.destroy();
          const dropper = new pg.Client({ connectionString: serverUrl });
          await dropper.connect();
          await dropper.query(`DROP DATABASE ${name} WITH (FORCE)`);
          await dropper.end();
        },
      };
    },
  };
}

/**
 * Declares the suite once per database: PGlite always, and the real PostgreSQL server that the
 * global setup started, or a skipped suite whose title says why there is none.
 */
export function describeOnBackends(title: string, body: (backend: Backend) => void): void {
  describe(`${title} [PGlite]`, () => body(pglite));
  const url = inject('postgresUrl');
  if (url) describe(`${title} [PostgreSQL]`, () => body(postgres(url)));
  else
    describe.skip(`${title} [PostgreSQL: skipped, ${inject('postgresSkipReason')}]`, () =>
      body(pglite));
}

/** Opens the backend's database for the suite and closes it after; returns a getter for it. */
export function useDatabase(backend: Backend): () => Kysely<HubDatabase> {
  let opened: Awaited<ReturnType<Backend['open']>>;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(() => opened.close());
  return () => opened.db;
}
