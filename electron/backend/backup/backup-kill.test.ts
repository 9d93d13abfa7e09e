import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../app/open-runtime';
import { createHarness, NEW_ADMIN_PASSWORD, setUpTownship } from '../testing/harness';
import { backupDir, backupName } from './backups';
import { jobWorkerData, WORKER_SOURCE } from './worker';

/** The backup worker, as the app runs it, in a Node process of its own that the test can kill. */
const CHILD = `
const { Worker } = require('node:worker_threads');
const worker = new Worker(process.env.DESK_WORKER_SOURCE, {
  eval: true,
  workerData: JSON.parse(process.env.DESK_WORKER_DATA),
});
process.stdout.write('started\\n');
worker.once('message', (report) => process.stdout.write((report.ok ? 'done' : 'failed') + '\\n'));
`;
let prepared: string;
let goodName: string;
let goodHash: string;
/** How long an uninterrupted backup of the prepared folder takes, from the child's start. */
let fullMs: number;
/** What each kill left in the backup folder before the backend started. */
const leftBehind: string[][] = [];

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Starts the backup in a child process; kills it `afterMs` after it started (never, if null). */
function backupInChild(dataDir: string, afterMs: number | null) {
  const name = backupName('daily', new Date().toISOString());
  const job = {
    kind: 'backup' as const,
    source: join(dataDir, DATABASE_FILE),
    dir: backupDir(dataDir),
    name,
  };
  const child = spawn(process.execPath, ['-e', CHILD], {
    env: {
      ...process.env,
      DESK_WORKER_SOURCE: WORKER_SOURCE,
      DESK_WORKER_DATA: JSON.stringify(jobWorkerData(job, undefined)),
    },
  });
  let out = '';
  return new Promise<{ outcome: string; ms: number }>((resolve) => {
    let startedAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('started') && startedAt === 0) {
        startedAt = performance.now();
        if (afterMs !== null) setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
      if (/\n(done|failed)/.test(out) && afterMs === null) child.kill('SIGKILL');
    });
    child.on('exit', () =>
      resolve({ outcome: out.trim().split('\n').at(-1)!, ms: performance.now() - startedAt }),
    );
  });
}

/** mulberry32: the kill points are random but the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  const h = await createHarness();
  await setUpTownship(h);
  await h.backend.close();
  // Random bytes do not compress: the backup lasts long enough for kills to land inside it.
  const db = new BetterSqlite3(join(h.dataDir, DATABASE_FILE));
  db.exec('CREATE TABLE ballast (b BLOB) STRICT');
  db.prepare(
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12) INSERT INTO ballast SELECT randomblob(1048576) FROM n',
  ).run();
  db.close();
  prepared = h.dataDir;
  goodName = readdirSync(backupDir(prepared))[0]!;
  goodHash = hashOf(join(backupDir(prepared), goodName));
  const copy = mkdtempSync(join(tmpdir(), 'desk-kill-'));
  cpSync(prepared, copy, { recursive: true });
  const full = await backupInChild(copy, null);
  expect(full.outcome).toBe('done');
  fullMs = full.ms;
  rmSync(copy, { recursive: true, force: true });
});
afterAll(() => {
  rmSync(prepared, { recursive: true, force: true });
});

describe('a backup killed at a random point', () => {
  it.each([1, 2, 3, 4, 5, 6])('leaves no backup that is not one (seed %i)', async (seed) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-kill-'));
    cpSync(prepared, dataDir, { recursive: true });
    const { outcome } = await backupInChild(dataDir, random(seed)() * fullMs);
    leftBehind.push(readdirSync(backupDir(dataDir)).filter((name) => name !== goodName));
    const h = await createHarness({ dataDir });
    try {
      const left = readdirSync(backupDir(dataDir));
      expect(left.filter((name) => /tmp|journal/.test(name))).toEqual([]);
      // The old backup, and the new one only if the kill came after its rename.
      expect(left.length).toBeLessThanOrEqual(2);
      if (outcome === 'done') expect(left).toHaveLength(2);
      expect(left).toContain(goodName);
      expect(hashOf(join(backupDir(dataDir), goodName))).toBe(goodHash);

      const signIn = async () =>
        (await h.ok('auth.signIn', { username: 'admin', password: NEW_ADMIN_PASSWORD })).token;
      const listed = await h.ok('backups.list', {}, await signIn());
      expect(listed.map((b) => b.name).sort()).toEqual([...left].sort());
      // The backup from before restores (and so would a new one: the kill came after its rename).
      expect((await h.call('backups.restore', { name: goodName }, await signIn())).ok).toBe(true);
      expect((await h.ok('system.status', {})).database).toBe('ok');
    } finally {
      await h.cleanup();
    }
  });

  it('landed inside the backup: temporary files were there to clear', () => {
    expect(
      leftBehind.filter((names) => names.some((name) => name.endsWith('.tmp'))).length,
    ).toBeGreaterThan(0);
  });
});
