import { openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHarness, NEW_ADMIN_PASSWORD, setUpTownship, type Harness } from '../testing/harness';
import { startBackend, type Backend } from './backend';
import { DATABASE_FILE } from './open-runtime';

/** Small enough that the test's database, filled below, counts as a big one. */
const TEST_THRESHOLD = 64 * 1024;

let h: Harness;
let file: string;
let started: Backend | null = null;
const logged: string[] = [];

beforeEach(async () => {
  h = await createHarness();
  await setUpTownship(h);
  await h.backend.close();
  file = join(h.dataDir, DATABASE_FILE);
  fillBigTable();
  logged.length = 0;
});
afterEach(async () => {
  await started?.close();
  started = null;
  // The harness's backend was closed for the test; cleanup closes it again harmlessly.
  await h.cleanup();
});

/** resident_bigrams is never read by start-up, status or sign-in: a stand-in for the big tables. */
function fillBigTable() {
  const db = new BetterSqlite3(file);
  const insert = db.prepare('INSERT INTO resident_bigrams (bigram, resident_rowid) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`${'填'.repeat(100)}${i}`, i);
  })();
  db.close();
}

/** Overwrites one b-tree page of `table` with garbage, as a failing disk would. */
function damagePageOf(table: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno')
    .pluck()
    .all(table) as number[];
  db.close();
  const page = pages[Math.floor(pages.length / 2)]!;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

async function start(threshold?: number): Promise<Backend> {
  started = await startBackend({
    dataDir: h.dataDir,
    appVersion: '0.0.0-test',
    clock: h.clock,
    log: (error) => logged.push(error instanceof Error ? error.message : String(error)),
    info: (message) => logged.push(message),
    ...(threshold === undefined ? {} : { fullCheckAtStartMaxBytes: threshold }),
  });
  return started;
}

const signIn = (backend: Backend) =>
  backend.call({
    method: 'auth.signIn',
    input: { username: 'admin', password: NEW_ADMIN_PASSWORD },
  });

describe('the integrity check at start', () => {
  it('checks a big healthy database in the background and logs the result with its duration', async () => {
    const backend = await start(TEST_THRESHOLD);
    expect((await signIn(backend)).ok).toBe(true);
    await backend.integrityChecked();
    expect(logged.join('\n')).toMatch(/quick_check .*: ok in \d+ ms/);
    expect(backend.runtime.damaged).toBeNull();
  });

  it('starts a big database with a damaged big table, then refuses work once the background check finds it', async () => {
    damagePageOf('resident_bigrams');
    const backend = await start(TEST_THRESHOLD);
    expect(backend.runtime.damaged).toBeNull();

    await vi.waitFor(() => expect(backend.runtime.damaged).not.toBeNull(), { timeout: 15_000 });
    expect(await signIn(backend)).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_DAMAGED' },
    });
    const status = await backend.call({ method: 'system.status', input: {} });
    expect(status).toMatchObject({
      ok: true,
      value: { database: 'damaged', databaseProblem: expect.stringMatching(/完整性检查未通过/) },
    });
    expect(logged.join('\n')).toMatch(/background quick_check failed after \d+ ms/);

    // The recovery path the start-up failure offers works from here too.
    const offered = await backend.call({ method: 'recovery.listBackups', input: {} });
    if (!offered.ok) throw new Error(offered.error.code);
    const [backup] = offered.value as { name: string }[];
    expect(
      await backend.call({ method: 'recovery.restore', input: { name: backup!.name } }),
    ).toMatchObject({ ok: true });
    expect(backend.runtime.damaged).toBeNull();
  });

  it('refuses a big database at start when a table start-up reads is damaged', async () => {
    damagePageOf('users');
    const backend = await start(TEST_THRESHOLD);
    expect(backend.runtime.damaged).toMatch(/完整性检查未通过/);
    expect(await signIn(backend)).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_DAMAGED' },
    });
  });

  it('checks a small database whole at start, big tables included', async () => {
    damagePageOf('resident_bigrams');
    const backend = await start();
    expect(backend.runtime.damaged).toMatch(/完整性检查未通过/);
  });
});
