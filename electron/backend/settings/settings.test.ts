import { describe, expect } from 'vitest';
import { NEW_ADMIN_PASSWORD } from '../testing/harness';
import type { MethodInput } from '@shared/api';
import { test as base } from '../testing/fixtures';

const BASE = { idleLockMinutes: 15, backupRetentionDays: 30 };

/** `update`: the administrator saves BASE with `change` on top. */
const test = base.extend('update', ({ harness: h, township: { admin } }) => {
  return (change: Partial<MethodInput<'settings.update'>>) =>
    h.ok('settings.update', { ...BASE, ...change }, admin);
});

describe('the counter phone printed on receipts and notices', () => {
  test('is empty until set, then stored in its canonical form and kept across a restart', async ({
    harness: h,
    township: { admin },
  }) => {
    expect((await h.ok('settings.get', {}, admin)).counterPhone).toBe('');
    const saved = await h.ok(
      'settings.update',
      { ...BASE, counterPhone: '０５７７ 8888 1234' },
      admin,
    );
    expect(saved.counterPhone).toBe('0577-88881234');
    await h.restart();
    const { token } = await h.ok('auth.signIn', {
      username: 'admin',
      password: NEW_ADMIN_PASSWORD,
    });
    expect((await h.ok('settings.get', {}, token)).counterPhone).toBe('0577-88881234');
  });

  test('refuses a number without an area code, named for its field, and keeps the old one', async ({
    harness: h,
    township: { admin },
  }) => {
    await h.ok('settings.update', { ...BASE, counterPhone: '0577-88881234' }, admin);
    const refused = await h.call('settings.update', { ...BASE, counterPhone: '88881234' }, admin);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'PHONE_INVALID',
        message: '固定电话请加区号，如 0577-88881234；手机号应为11位',
        fields: { counterPhone: '固定电话请加区号，如 0577-88881234；手机号应为11位' },
      },
    });
    expect((await h.ok('settings.get', {}, admin)).counterPhone).toBe('0577-88881234');
  });

  test('stays as it is when an update leaves it out', async ({ update }) => {
    await update({ counterPhone: '0577-88881234' });
    const saved = await update({ idleLockMinutes: 20 });
    expect(saved).toEqual({
      ...BASE,
      idleLockMinutes: 20,
      counterPhone: '0577-88881234',
      // The weekly and monthly backups, left out too, keep their defaults.
      backupKeepWeeks: 4,
      backupKeepMonths: 12,
    });
  });

  test('is audited when it changes', async ({ harness: h, township: { admin }, update }) => {
    await update({ counterPhone: '0577-88881234' });
    const { rows } = await h.ok('audit.list', { action: 'settings.update' }, admin);
    expect(rows[0]?.detail).toContain('窗口电话 未填→0577-88881234');
  });
});
