import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate';
import { migrations } from '../src/db/migrations';
import {
  NO_POSTGRES_REASON,
  findPostgresBinaries,
  startPostgresCluster,
  type PostgresCluster,
} from './postgres-cluster';

/*
 * Vitest global setup of the hub's tests. First a migrated PGlite database dumped to a file, which
 * every test file loads instead of running PGlite's initdb again (half a minute on a busy machine).
 * Then a throw-away PostgreSQL cluster (test/postgres-cluster.ts) for the lifetime of the run. Every
 * hub test runs against it as well as against PGlite.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** Null when no server could be started; then postgresSkipReason says why. */
    postgresUrl: string | null;
    postgresSkipReason: string;
    /** A migrated PGlite data directory (dumpDataDir's tarball). */
    pgliteTemplate: string;
  }
}

async function makePgliteTemplate(file: string): Promise<void> {
  const pglite = new PGlite();
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
  await migrate(db, migrations);
  const dump = await pglite.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
}

export default async function setup(project: TestProject) {
  const templateDir = mkdtempSync(join(tmpdir(), 'hub-pglite-'));
  const template = join(templateDir, 'template.tar');
  await makePgliteTemplate(template);
  project.provide('pgliteTemplate', template);
  const removeTemplate = () => rmSync(templateDir, { recursive: true, force: true });
  const bin = findPostgresBinaries();
  if (!bin) {
    if (process.env.CI)
      throw new Error(
        `${NO_POSTGRES_REASON}; CI must run the hub's tests on a real server (.ci/run installs postgresql)`,
      );
    project.provide('postgresUrl', null);
    project.provide('postgresSkipReason', NO_POSTGRES_REASON);
    return removeTemplate;
  }
  let cluster: PostgresCluster;
  try {
    // Durability is not under test here: fsync off keeps a shared CI machine's disk out of the timings.
    cluster = await startPostgresCluster(bin, { durable: false });
  } catch (error) {
    removeTemplate();
    throw error;
  }
  project.provide('postgresUrl', cluster.url);
  project.provide('postgresSkipReason', '');
  return () => {
    try {
      cluster.stop();
    } finally {
      removeTemplate();
    }
  };
}
