import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, vi } from 'vitest';
import { test as base } from '../testing/fixtures';
import { NEW_ADMIN_PASSWORD, type Harness } from '../testing/harness';
import type { CheckReport, StartBackgroundCheck } from '../db/background-check';
import { startBackend, type Backend } from './backend';
import { DATABASE_FILE } from './open-runtime';

/** Small enough that the test's database, filled below, counts as a big one. */
const TEST_THRESHOLD = 64 * 1024;

let started: Backend | null = null;
const logged: string[] = [];

/**
 * The township's database file, filled past the test threshold, with the harness's backend closed
 * for every test to start its own (the harness's cleanup closes it again harmlessly).
 */
const test = base.extend('file', { auto: true }, async ({ harness: h, township: _township }) => {
  await h.backend.close();
  const file = join(h.dataDir, DATABASE_FILE);
  fillBigTable(file);
  logged.length = 0;
  return file;
});
afterEach(async () => {
  await started?.close();
  started = null;
});

/** resident_bigrams is never read by start-up, status or sign-in: a stand-in for the big tables. */
function fillBigTable(file: string) {
  const db = new BetterSqlite3(file);
  const insert = db.prepare('INSERT INTO resident_bigrams (bigram, resident_rowid) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`${'填'.repeat(100)}${i}`, i);
  })();
  db.close();
}

/** Overwrites one b-tree page of `table` (or every one) with garbage, as a failing disk would. */
function damagePageOf(file: string, table: string, which: 'one' | 'all' = 'one') {
  const db = new BetterSqlite3(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno')
    .pluck()
    .all(table) as number[];
  db.close();
  const fd = openSync(file, 'r+');
  for (const page of which === 'all' ? pages : [pages[Math.floor(pages.length / 2)]!])
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

/** The recovery list while the database is damaged, the administrator's list otherwise. */
async function backupsOf(backend: Backend, session?: string) {
  const listed = await backend.call(
    session
      ? { method: 'backups.list', input: {}, session }
      : { method: 'recovery.listBackups', input: {} },
  );
  if (!listed.ok) throw new Error(listed.error.code);
  return listed.value as { name: string }[];
}

const backupFiles = (h: Harness) => {
  const folder = join(h.dataDir, 'backups');
  return existsSync(folder) ? readdirSync(folder).length : 0;
};

/** A background check that runs until the test says it passed. */
function heldCheck() {
  let report: (value: CheckReport) => void = () => {};
  let stopped = false;
  const begin: StartBackgroundCheck = (_file, _binding, onReport) => {
    report = onReport;
    return { stop: () => (stopped = true) };
  };
  return { begin, pass: () => report({ result: { ok: true }, ms: 1 }), stopped: () => stopped };
}

async function start(
  h: Harness,
  threshold?: number,
  begin?: StartBackgroundCheck,
): Promise<Backend> {
  started = await startBackend({
    ...(begin ? { startBackgroundCheck: begin } : {}),
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
  test('checks a big healthy database in the background and logs the result with its duration', async ({
    harness: h,
  }) => {
    const backend = await start(h, TEST_THRESHOLD);
    expect((await signIn(backend)).ok).toBe(true);
    await backend.integrityChecked();
    expect(logged.join('\n')).toMatch(/quick_check .*: ok in \d+ ms/);
    expect(backend.runtime.damaged).toBeNull();
  });

  test('starts a big database with a damaged big table, then refuses work once the background check finds it', async ({
    harness: h,
    file,
  }) => {
    damagePageOf(file, 'resident_bigrams');
    const backend = await start(h, TEST_THRESHOLD);
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
    const [backup] = await backupsOf(backend);
    // A second restore (another window) while the first swaps the file is refused, not run over it.
    const restore = () =>
      backend.call({ method: 'recovery.restore', input: { name: backup!.name } });
    const [first, second] = await Promise.all([restore(), restore()]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { code: 'RESTORE_IN_PROGRESS' } });
    expect(backend.runtime.damaged).toBeNull();
    // The damaged file, with whatever its WAL held, is set aside for repair rather than lost.
    const setAside = readdirSync(h.dataDir).filter((name) => name.includes('.damaged-'));
    expect(setAside).toEqual([expect.stringMatching(/^desk\.sqlite\.damaged-\d{4}-\d\d-\d\dT/)]);
    await backend.integrityChecked();
    expect(backend.runtime.damaged).toBeNull();
  });

  test('keeps a damaged file, and the recovery offer, when the restore cannot put the backup in place', async ({
    harness: h,
    file,
  }) => {
    damagePageOf(file, 'resident_bigrams');
    const backend = await start(h, TEST_THRESHOLD);
    await backend.integrityChecked();
    const problem = backend.runtime.damaged;
    expect(problem).toMatch(/完整性检查未通过/);
    // Something holds the name the damaged file would be set aside under.
    const aside = join(h.dataDir, 'desk.sqlite.damaged-2026-11-27T01-00-00-000Z');
    mkdirSync(aside);
    writeFileSync(join(aside, 'held'), '');
    const [backup] = await backupsOf(backend);

    const failed = await backend.call({
      method: 'recovery.restore',
      input: { name: backup!.name },
    });
    expect(failed).toMatchObject({ ok: false, error: { code: 'RESTORE_FAILED' } });
    if (!failed.ok) expect(failed.error.message).toMatch(/原数据保持不变/);
    expect(backend.runtime.damaged).toBe(problem);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(h.dataDir).filter((name) => name.endsWith('.restoring'))).toEqual([]);

    rmSync(aside, { recursive: true });
    expect(
      await backend.call({ method: 'recovery.restore', input: { name: backup!.name } }),
    ).toMatchObject({ ok: true });
    expect(backend.runtime.damaged).toBeNull();
  });

  test('switches to recovery when a read meets damage the background check has not reached', async ({
    harness: h,
    file,
  }) => {
    const backend = await start(h, TEST_THRESHOLD);
    await backend.integrityChecked();
    const signedIn = await signIn(backend);
    if (!signedIn.ok) throw new Error(signedIn.error.code);
    const { token } = signedIn.value as { token: string };
    // resident_bigrams has not been read by this connection, so the next search reads the disk.
    damagePageOf(file, 'resident_bigrams', 'all');

    expect(
      await backend.call({
        method: 'residents.search',
        input: { query: '填填', page: 1, pageSize: 20 },
        session: token,
      }),
    ).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED' } });
    expect(backend.runtime.damaged).toMatch(/完整性检查未通过/);
    expect(await backend.call({ method: 'system.status', input: {} })).toMatchObject({
      ok: true,
      value: { database: 'damaged' },
    });
    // Everyone was signed out: the same session is refused, not answered from the damaged file.
    expect(await backend.call({ method: 'users.list', input: {}, session: token })).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_DAMAGED' },
    });
  });

  test('holds the daily backup of a big file until the background check has passed', async ({
    harness: h,
  }) => {
    h.clock.advance(25 * 60 * 60 * 1000);
    const before = backupFiles(h);
    const backend = await start(h, TEST_THRESHOLD);
    expect(backupFiles(h)).toBe(before);
    await backend.integrityChecked();
    await vi.waitFor(() => expect(backupFiles(h)).toBe(before + 1));
  });

  test('takes no daily backup of a big file the background check finds damaged', async ({
    harness: h,
    file,
  }) => {
    h.clock.advance(25 * 60 * 60 * 1000);
    damagePageOf(file, 'resident_bigrams');
    const before = backupFiles(h);
    const backend = await start(h, TEST_THRESHOLD);
    await backend.integrityChecked();
    expect(backend.runtime.damaged).not.toBeNull();
    expect(backupFiles(h)).toBe(before);
  });

  test('refuses a restore while the background check still reads the file, and restores once it passed', async ({
    harness: h,
  }) => {
    const check = heldCheck();
    const backend = await start(h, TEST_THRESHOLD, check.begin);
    const signedIn = await signIn(backend);
    if (!signedIn.ok) throw new Error(signedIn.error.code);
    const { token } = signedIn.value as { token: string };
    const [backup] = await backupsOf(backend, token);

    const refused = await backend.call({
      method: 'backups.restore',
      input: { name: backup!.name },
      session: token,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DATABASE_CHECK_RUNNING' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/检查完成后才能恢复备份/);
    // Nothing was touched: the same session still works on the same data.
    expect(await backend.call({ method: 'users.list', input: {}, session: token })).toMatchObject({
      ok: true,
    });

    check.pass();
    await backend.integrityChecked();
    expect(
      await backend.call({
        method: 'backups.restore',
        input: { name: backup!.name },
        session: token,
      }),
    ).toMatchObject({ ok: true });
  });

  test('closes without waiting for a background check that has not finished', async ({
    harness: h,
  }) => {
    const check = heldCheck();
    const backend = await start(h, TEST_THRESHOLD, check.begin);
    await backend.close();
    started = null;
    await backend.integrityChecked();
    expect(check.stopped()).toBe(true);
  });

  test('refuses a big database at start when a table start-up reads is damaged', async ({
    harness: h,
    file,
  }) => {
    damagePageOf(file, 'users');
    const backend = await start(h, TEST_THRESHOLD);
    expect(backend.runtime.damaged).toMatch(/完整性检查未通过/);
    expect(await signIn(backend)).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_DAMAGED' },
    });
  });

  test('checks a small database whole at start, big tables included', async ({
    harness: h,
    file,
  }) => {
    damagePageOf(file, 'resident_bigrams');
    const backend = await start(h);
    expect(backend.runtime.damaged).toMatch(/完整性检查未通过/);
  });
});
