import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  APP_VERSION_HEADER,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
} from '@shared/sync/hub-contract';
import { openHubDatabase } from '../../upstream/src/db/connection';
import { enrol, issueEnrolmentCode } from '../../upstream/src/enrolment';
import pg from 'pg';
import { BENCH_COUNTY, benchOrgTree } from './hub-county';

// The county hub as its own process, and the requests terminals send it (bench:hub-poll, bench:hub-push).

const ROOT = resolve(__dirname, '../..');

export interface Answer {
  status: number;
  body: string;
  bytes: number;
  ms: number;
}

/** One HTTP request on a connection of its own; `status` 0 when the connection failed. */
export function call(
  base: URL,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<Answer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const started = performance.now();
  return new Promise((resolveAnswer) => {
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        agent: false,
        headers: {
          [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION),
          [APP_VERSION_HEADER]: '0.1.0',
          // What the terminal's fetch sends; its answers are counted here, not unpacked.
          'accept-encoding': 'gzip, deflate',
          ...(token ? { authorization: bearer(token) } : {}),
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': payload.length }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const whole = Buffer.concat(chunks);
          resolveAnswer({
            status: res.statusCode ?? 0,
            // Large or packed answers are only counted: unpacking them here would take the hub's CPU away.
            body:
              res.headers['content-encoding'] || whole.length >= 4096 ? '' : whole.toString('utf8'),
            bytes: whole.length,
            ms: performance.now() - started,
          });
        });
      },
    );
    req.on('error', () =>
      resolveAnswer({ status: 0, body: '', bytes: 0, ms: performance.now() - started }),
    );
    req.end(payload);
  });
}

/** Starts the hub on the given arguments and waits for its URL and its first enrolment code. */
async function spawnHub(
  args: readonly string[],
  databaseUrl: string,
  logFile: string,
  logLevel: string,
): Promise<{ child: ChildProcess; base: URL; firstCode: string }> {
  const log = openSync(logFile, 'w');
  // BENCH_HUB_CPU_PROF=<folder>: the hub writes a V8 CPU profile there when it stops (--cpu-prof
  // is refused in NODE_OPTIONS, and through the tsx wrapper it would profile the wrapper).
  const profileDir = process.env.BENCH_HUB_CPU_PROF;
  const child = spawn(
    profileDir ? process.execPath : join(ROOT, 'node_modules/.bin/tsx'),
    [
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx'] : []),
      ...(profileDir ? [] : ['--tsconfig', 'tsconfig.node.json']),
      'upstream/src/main.ts',
      ...args,
      '--port',
      '0',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: logLevel,
        ...(profileDir ? { TSX_TSCONFIG_PATH: 'tsconfig.node.json' } : {}),
      },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const text = readFileSync(logFile, 'utf8');
    const url = /listening: (http:\/\/\S+)/.exec(text)?.[1];
    const code = /first terminal: (\S+)/.exec(text)?.[1];
    if (url && code) return { child, base: new URL(url), firstCode: code };
    if (child.exitCode !== null) throw new Error(`the hub exited:\n${text}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error('the hub did not start within 120 s');
}

/** The hub of the bench county (BENCH_COUNTY, its org tree from `orgTreeFile`), `pool` connections. */
export function startHub(
  databaseUrl: string,
  orgTreeFile: string,
  logFile: string,
  pool: number,
  logLevel: string,
): Promise<{ child: ChildProcess; base: URL; firstCode: string }> {
  const args = ['--county', BENCH_COUNTY.code, '--county-name', BENCH_COUNTY.name];
  args.push('--org-tree', orgTreeFile, '--db-pool', String(pool));
  return spawnHub(args, databaseUrl, logFile, logLevel);
}

/** The hub of the demo county (永嘉县, as the app's demo terminals), as the sync benches use it. */
export function startDemoHub(databaseUrl: string, logFile: string) {
  return spawnHub([], databaseUrl, logFile, 'warn');
}

/**
 * Enrols `count` terminals over the county's townships and villages in turn, through the hub's own
 * functions: over HTTP the enrolment rate limit (10 a minute per address) applies.
 */
export async function enrolBenchTerminals(databaseUrl: string, count: number) {
  const db = openHubDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 8 });
  const units = benchOrgTree().filter((unit) => unit.level !== 'county');
  const enrolled = new Array<Awaited<ReturnType<typeof enrol>>>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const i = next++;
        const unit = units[i % units.length]!;
        const now = new Date();
        const issued = await issueEnrolmentCode(db, BENCH_COUNTY.code, unit.code, null, now);
        enrolled[i] = await enrol(
          db,
          BENCH_COUNTY.code,
          { code: issued.code.replaceAll('-', ''), appVersion: '0.1.0', hostname: `PC-${i}` },
          now,
        );
      }
    }),
  );
  await db.destroy();
  return enrolled;
}

/** A database of its own for the hub in a throw-away cluster; its URL. */
export async function createHubDatabase(clusterUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE hub');
  await admin.end();
  return clusterUrl.replace(/\/postgres$/, '/hub');
}
