import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * A throw-away PostgreSQL cluster (Debian's postgresql package: initdb and pg_ctl) on a free
 * loopback port: the hub's tests run against one (test/postgres-server.ts), and so does the hub's
 * polling benchmark (bench/hub-poll.ts). PostgreSQL refuses to run as root, so as root the cluster
 * belongs to the postgres user.
 */

export const NO_POSTGRES_REASON =
  'PostgreSQL is not installed here (no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin)';

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBinaries(): string | null {
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

export interface PostgresCluster {
  /** postgres://hub@127.0.0.1:PORT/postgres: user hub, trusted, no password. */
  url: string;
  /** The server's version, e.g. "PostgreSQL 15.14". */
  version: string;
  /** The postmaster's process id: its children are the server's backends. */
  serverPid(): number;
  /** Stops the server at once and removes its folder. */
  stop(): void;
}

/**
 * Creates and starts a cluster. `durable: false` turns fsync and synchronous commit off, which keeps
 * a shared machine's disk out of test timings; a benchmark keeps the defaults a county's server has.
 * `settings`: more server settings (name=value), e.g. a bench loading pg_stat_statements.
 */
export async function startPostgresCluster(
  bin: string,
  options: { durable: boolean; settings?: string[] },
): Promise<PostgresCluster> {
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
  let version: string;
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
      ...(options.durable ? [] : ['--no-sync']),
    ]);
    const durability = options.durable
      ? ''
      : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    const settings = (options.settings ?? []).map((setting) => ` -c ${setting}`).join('');
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${dir}${durability}${settings}`,
      '-w',
      '-t',
      '120',
      'start',
    ]);
    version = execFileSync(join(bin, 'postgres'), ['--version']).toString().trim();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://hub@127.0.0.1:${port}/postgres`,
    version,
    serverPid: () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
