import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { DATABASE_FILE } from '../app/open-runtime';
import { dailyBackupIfDue } from './service';
import { ADMIN_PASSWORD, NEW_ADMIN_PASSWORD } from '../testing/harness';
import { test } from '../testing/fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe('backups', () => {
  test('takes the first daily backup at setup, one a day later, and keeps the rotation', async ({
    harness: h,
    township: { admin },
  }) => {
    expect((await h.ok('backups.list', {}, admin)).map((b) => b.reason)).toEqual(['daily']);
    await h.ok('settings.update', { idleLockMinutes: 15, backupRetentionDays: 3 }, admin);
    // From 2026-11-27 (Friday, at setup) to 2026-12-07 (Monday), at 09:00 in Shanghai: 29 and 30
    // November, 3, 5, 6 and 7 December.
    for (const days of [2, 1, 3, 2, 1, 1]) {
      h.clock.advance(days * DAY);
      expect(await dailyBackupIfDue(h.backend.runtime)).not.toBeNull();
    }
    const { token } = await h.ok('auth.signIn', {
      username: 'admin',
      password: NEW_ADMIN_PASSWORD,
    });
    const backups = await h.ok('backups.list', {}, token);
    expect(backups.map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2026-12-07',
      '2026-12-06',
      '2026-12-05',
      '2026-11-30',
      '2026-11-29',
    ]);
    expect(backups.every((b) => b.reason === 'daily' && b.name.endsWith('.sqlite.gz'))).toBe(true);
    const status = await h.ok('system.status', {});
    expect(status.lastBackupAt).toBe(backups[0]!.createdAt);
    expect(status.backupWarning).toBeNull();

    // Without weekly and monthly copies only the days remain.
    await h.ok(
      'settings.update',
      { idleLockMinutes: 15, backupRetentionDays: 3, backupKeepWeeks: 0, backupKeepMonths: 0 },
      token,
    );
    h.clock.advance(DAY);
    await dailyBackupIfDue(h.backend.runtime);
    const { token: again } = await h.ok('auth.signIn', {
      username: 'admin',
      password: NEW_ADMIN_PASSWORD,
    });
    expect((await h.ok('backups.list', {}, again)).map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2026-12-08',
      '2026-12-07',
      '2026-12-06',
    ]);
  });

  test('restores a chosen backup, keeps the replaced data as a backup, and signs everyone out', async ({
    harness: h,
    township: { admin },
  }) => {
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

  test('refuses a backup name outside the backup folder', async ({
    harness: h,
    township: { admin },
  }) => {
    const result = await h.call('backups.restore', { name: '../desk.sqlite' }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_NOT_FOUND' } });
  });
});

describe('a damaged database', () => {
  test('is reported at start, offers only recovery, and is restored from a backup', async ({
    harness: h,
    township: { admin },
  }) => {
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

  test('refuses recovery calls while the database is fine', async ({
    harness: h,
    township: _township,
  }) => {
    expect(await h.call('recovery.listBackups', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
