import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../app/open-runtime';
import { createHarness, NEW_ADMIN_PASSWORD, setUpTownship, type Harness } from '../testing/harness';
import { backupDir } from './backups';

let h: Harness | null = null;
afterEach(async () => {
  await h?.cleanup();
  h = null;
});

async function township(options: Parameters<typeof createHarness>[0] = {}) {
  h = await createHarness(options);
  const { token } = await setUpTownship(h);
  return { h, admin: token };
}

/**
 * Makes the database big enough (random bytes do not compress) that a backup is still under way
 * when the test acts. A table of its own, written beside the backend through a second connection.
 */
function addBallast(dataDir: string, megabytes: number): void {
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  db.exec('CREATE TABLE IF NOT EXISTS ballast (b BLOB) STRICT');
  db.prepare(
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO ballast SELECT randomblob(1048576) FROM n',
  ).run(megabytes);
  db.close();
}

const filesIn = (dataDir: string) => readdirSync(backupDir(dataDir)).sort();

/** Resolves once the backup worker has created a temporary file: the backup is under way. */
async function underWay(dataDir: string): Promise<void> {
  while (!filesIn(dataDir).some((name) => name.endsWith('.tmp')))
    await new Promise((resolve) => setImmediate(resolve));
}

describe('backups that are what they claim', () => {
  it('never lists what a backup cut short left, and clears it at the next start', async () => {
    const { h, admin } = await township();
    const [good] = await h.ok('backups.list', {}, admin);
    const dir = backupDir(h.dataDir);
    // An earlier version's daily backup cut short: a valid name, newer than the good one, not a database.
    writeFileSync(join(dir, 'desk-20261128T010000000Z-daily.sqlite'), Buffer.alloc(65536, 7));
    // This version's temporary files of a backup killed on the way.
    writeFileSync(join(dir, 'desk-20261128T020000000Z-daily.sqlite.gz.raw.tmp'), 'half');
    writeFileSync(join(dir, 'desk-20261128T020000000Z-daily.sqlite.gz.raw.tmp-journal'), 'j');
    writeFileSync(join(dir, 'desk-20261128T020000000Z-daily.sqlite.gz.raw.tmp-wal'), 'w');
    writeFileSync(join(dir, 'desk-20261128T020000000Z-daily.sqlite.gz.tmp'), 'half');
    expect((await h.ok('backups.list', {}, admin)).map((b) => b.name)).toEqual([good!.name]);

    await h.restart();
    expect(filesIn(h.dataDir)).toEqual([good!.name]);
    const { token } = await h.ok('auth.signIn', {
      username: 'admin',
      password: NEW_ADMIN_PASSWORD,
    });
    expect((await h.ok('backups.list', {}, token)).map((b) => b.name)).toEqual([good!.name]);
    expect((await h.ok('system.status', {})).lastBackupAt).toBe(good!.createdAt);
  });

  it('checks a chosen backup before a restore touches anything', async () => {
    const { h, admin } = await township();
    const made = await h.ok('backups.create', {}, admin);
    const file = join(backupDir(h.dataDir), made.name);
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    await h.ok(
      'users.create',
      { username: 'later1', displayName: '后来者', role: 'clerk', initialPassword: 'Later#2026' },
      admin,
    );
    const before = filesIn(h.dataDir);

    const result = await h.call('backups.restore', { name: made.name }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_DAMAGED' } });
    expect(!result.ok && result.error.message).toMatch(/所选备份已损坏或不完整.*未做任何改动/);
    const users = await h.ok('users.list', { includeDisabled: true }, admin);
    expect(users.map((u) => u.username)).toContain('later1');
    expect(existsSync(join(h.dataDir, `${DATABASE_FILE}.restoring`))).toBe(false);
    // The replaced data's own backup is the only addition; it is whole and restorable.
    const added = filesIn(h.dataDir).filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/-pre-restore\.sqlite\.gz$/);
  });

  it('ends a backup cleanly when the backend closes during it', async () => {
    const { h, admin } = await township();
    const before = filesIn(h.dataDir);
    addBallast(h.dataDir, 64);
    const running = h.call('backups.create', {}, admin);
    await underWay(h.dataDir);
    await h.backend.close();
    expect(await running).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_FAILED', message: '备份已中止，已有的备份不受影响' },
    });
    expect(filesIn(h.dataDir)).toEqual(before);
    await h.restart();
    expect((await h.ok('system.status', {})).lastBackupAt).not.toBeNull();
  });

  it('runs one backup at a time and refuses a restore meanwhile', async () => {
    const { h, admin } = await township();
    const [first] = await h.ok('backups.list', {}, admin);
    addBallast(h.dataDir, 32);
    const running = h.call('backups.create', {}, admin);
    await underWay(h.dataDir);
    expect(await h.call('backups.create', {}, admin)).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_IN_PROGRESS' },
    });
    expect(await h.call('backups.restore', { name: first!.name }, admin)).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_IN_PROGRESS' },
    });
    // Requests go on meanwhile: the backup has a connection and a thread of its own.
    expect((await h.ok('users.list', { includeDisabled: true }, admin)).length).toBe(1);
    expect((await running).ok).toBe(true);
  });

  it('refuses to back up when the disk is short, and warns in Chinese', async () => {
    let free = 100 * 1024 ** 3;
    const { h, admin } = await township({ freeBytes: () => free });
    expect((await h.ok('system.status', {})).backupWarning).toBeNull();
    free = 300 * 1024 ** 2;
    const before = filesIn(h.dataDir);
    const result = await h.call('backups.create', {}, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_SPACE_LOW' } });
    expect(!result.ok && result.error.message).toMatch(/磁盘剩余空间不足（剩余 300 MB，备份需要约/);
    expect(filesIn(h.dataDir)).toEqual(before);
    expect((await h.ok('system.status', {})).backupWarning).toMatch(
      /^磁盘剩余空间不足：剩余 300 MB/,
    );
  });
});
