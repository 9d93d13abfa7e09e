import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../app/open-runtime';
import {
  ADMIN_PASSWORD,
  createHarness,
  NEW_ADMIN_PASSWORD,
  setUpTownship,
  type Harness,
} from '../testing/harness';

let h: Harness;
let admin: string;
beforeEach(async () => {
  h = await createHarness();
  ({ token: admin } = await setUpTownship(h));
});
afterEach(async () => {
  await h.cleanup();
});

const DAY = 24 * 60 * 60 * 1000;

describe('backups', () => {
  it('takes the first daily backup at setup, another a day later, and keeps 30 days', async () => {
    expect((await h.ok('backups.list', {}, admin)).map((b) => b.reason)).toEqual(['daily']);
    for (let day = 1; day <= 35; day++) {
      h.clock.advance(DAY);
      await h.restart();
    }
    const { token } = await h.ok('auth.signIn', {
      username: 'admin',
      password: NEW_ADMIN_PASSWORD,
    });
    const backups = await h.ok('backups.list', {}, token);
    expect(backups.every((b) => b.reason === 'daily')).toBe(true);
    expect(backups.length).toBe(31);
    const status = await h.ok('system.status', {});
    expect(status.lastBackupAt).toBe(backups[0]!.createdAt);
  });

  it('restores a chosen backup, keeps the replaced data as a backup, and signs everyone out', async () => {
    const before = await h.ok('backups.create', {}, admin);
    await h.ok(
      'users.create',
      { username: 'later1', displayName: '后来者', role: 'clerk', initialPassword: 'Later#2026' },
      admin,
    );
    h.clock.advance(1000);
    await h.ok('backups.restore', { name: before.name }, admin);
    expect((await h.call('auth.me', {}, admin)).ok).toBe(false);
    const { token } = await h.ok('auth.signIn', {
      username: 'admin',
      password: NEW_ADMIN_PASSWORD,
    });
    const users = await h.ok('users.list', { includeDisabled: true }, token);
    expect(users.map((u) => u.username)).toEqual(['admin']);
    const backups = await h.ok('backups.list', {}, token);
    expect(backups.map((b) => b.reason)).toContain('pre-restore');
    const audit = await h.ok('audit.list', { page: 1, pageSize: 5 }, token);
    expect(audit.rows.map((row) => row.action)).toContain('backups.restore');
    expect(h.events.map((e) => e.name)).toContain('database.restored');
  });

  it('refuses a backup name outside the backup folder', async () => {
    const result = await h.call('backups.restore', { name: '../desk.sqlite' }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_NOT_FOUND' } });
  });
});

describe('a damaged database', () => {
  it('is reported at start, offers only recovery, and is restored from a backup', async () => {
    const [backup] = await h.ok('backups.list', {}, admin);
    await h.backend.close();
    writeFileSync(join(h.dataDir, DATABASE_FILE), Buffer.alloc(8192, 0x5a));
    await h.restart();
    const status = await h.ok('system.status', {});
    expect(status.database).toBe('damaged');
    expect(status.databaseProblem).toMatch(/数据库/);
    expect(
      await h.call('auth.signIn', { username: 'admin', password: NEW_ADMIN_PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_DAMAGED' },
    });
    const offered = await h.ok('recovery.listBackups', {});
    expect(offered.map((b) => b.name)).toContain(backup!.name);
    await h.ok('recovery.restore', { name: backup!.name });
    expect((await h.ok('system.status', {})).database).toBe('ok');
    // The setup-time backup predates the password change, so the wizard's password signs in again.
    expect((await h.call('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD })).ok).toBe(
      true,
    );
  });

  it('refuses recovery calls while the database is fine', async () => {
    expect(await h.call('recovery.listBackups', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
