import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate';
import { migrations } from '../src/db/migrations';

/*
 * Vitest global setup of the hub's tests. First a migrated PGlite database dumped to a file, which
 * every test file loads instead of running PGlite's initdb again (half a minute on a busy machine).
 * Then a throw-away PostgreSQL cluster (Debian's postgresql
 * package: initdb and pg_ctl) on a free loopback port, for the lifetime of the run. Every hub test
 * runs against it as well as against PGlite. PostgreSQL refuses to run as root, so as root the
 * cluster belongs to the postgres user.
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

function findBinaries(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian)
    .filter((name) => existsSync(join(debian, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(debian, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error()),
      );
    });
  });
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
  const bin = findBinaries();
  if (!bin) {
    const reason =
      'PostgreSQL is not installed here (no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin)';
    if (process.env.CI)
      throw new Error(
        `${reason}; CI must run the hub's tests on a real server (.ci/run installs postgresql)`,
      );
    project.provide('postgresUrl', null);
    project.provide('postgresSkipReason', reason);
    return removeTemplate;
  }
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, command),
      asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : args,
      { stdio: 'pipe', cwd: tmpdir() },
    );
  const dir = mkdtempSync(join(tmpdir(), 'hub-postgres-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'hub',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    // Durability is not under test here: fsync off keeps a shared CI machine's disk out of the timings.
    const serverOptions = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-o',
      serverOptions,
      '-w',
      '-t',
      '120',
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    removeTemplate();
    throw error;
  }
  project.provide('postgresUrl', `postgres://hub@127.0.0.1:${port}/postgres`);
  project.provide('postgresSkipReason', '');
  return () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      removeTemplate();
    }
  };
}
