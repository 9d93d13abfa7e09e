import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, NEW_ADMIN_PASSWORD, setUpTownship, type Harness } from '../testing/harness';

let h: Harness;
let admin: string;
beforeEach(async () => {
  h = await createHarness();
  ({ token: admin } = await setUpTownship(h));
  await h.ok(
    'users.create',
    { username: 'clerk1', displayName: '王芳', role: 'clerk', initialPassword: 'Clerk#2026' },
    admin,
  );
});
afterEach(async () => {
  await h.cleanup();
});

describe('password policy', () => {
  it.each([
    ['Ab1!', 'WEAK_PASSWORD'],
    ['abcdefgh', 'WEAK_PASSWORD'],
    ['abcd1234', 'WEAK_PASSWORD'],
    ['Clerk2#026', 'WEAK_PASSWORD'],
  ])('refuses %s for a new user', async (password, code) => {
    const result = await h.call(
      'users.create',
      { username: 'clerk2', displayName: '李明', role: 'clerk', initialPassword: password },
      admin,
    );
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('makes a new user change the initial password before doing anything else', async () => {
    const { token, user } = await h.ok('auth.signIn', {
      username: 'clerk1',
      password: 'Clerk#2026',
    });
    expect(user.mustChangePassword).toBe(true);
    const blocked = await h.call('orgUnits.list', {}, token);
    expect(blocked.ok).toBe(true);
    const forbidden = await h.call('users.list', { includeDisabled: true }, token);
    expect(forbidden.ok ? null : forbidden.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = await h.call(
      'auth.changePassword',
      { currentPassword: 'Clerk#2026', newPassword: 'Clerk#2026' },
      token,
    );
    expect(same.ok ? null : same.error.code).toBe('PASSWORD_REUSED');
    const changed = await h.ok(
      'auth.changePassword',
      { currentPassword: 'Clerk#2026', newPassword: 'Window#2026' },
      token,
    );
    expect(changed.mustChangePassword).toBe(false);
  });

  it('makes a reset password be changed again, and ends the user’s sessions', async () => {
    const { token } = await h.ok('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    const users = await h.ok('users.list', { includeDisabled: true }, admin);
    const clerk = users.find((u) => u.username === 'clerk1')!;
    const reset = await h.ok(
      'users.resetPassword',
      { userId: clerk.id, newPassword: 'Reset#2026' },
      admin,
    );
    expect(reset.mustChangePassword).toBe(true);
    const old = await h.call('auth.me', {}, token);
    expect(old.ok ? null : old.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('lockout', () => {
  it('locks after 5 wrong passwords for 10 minutes, even for the right password, and audits it', async () => {
    for (let i = 1; i <= 4; i++) {
      const wrong = await h.call('auth.signIn', { username: 'clerk1', password: `Wrong#${i}xyz` });
      expect(wrong.ok ? null : wrong.error.code).toBe('BAD_CREDENTIALS');
    }
    const fifth = await h.call('auth.signIn', { username: 'clerk1', password: 'Wrong#5xyz' });
    expect(fifth.ok ? null : fifth.error.code).toBe('ACCOUNT_LOCKED');
    const right = await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    expect(right.ok ? null : right.error.code).toBe('ACCOUNT_LOCKED');
    if (!right.ok) expect(right.error.message).toContain('10 分钟');

    h.clock.advance(9 * 60 * 1000);
    expect((await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' })).ok).toBe(
      false,
    );
    h.clock.advance(61 * 1000);
    expect((await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' })).ok).toBe(
      true,
    );

    const audit = await h.ok('audit.list', { page: 1, pageSize: 100, username: 'clerk1' }, admin);
    const actions = audit.rows.map((row) => `${row.action}:${row.outcome}`);
    expect(actions.filter((a) => a === 'auth.signIn:failure')).toHaveLength(7);
    expect(actions).toContain('auth.lockout:success');
    expect(actions[0]).toBe('auth.signIn:success');
  });

  it('lets an administrator lift the lock early', async () => {
    for (let i = 0; i < 5; i++)
      await h.call('auth.signIn', { username: 'clerk1', password: 'Nope#12345' });
    const clerk = (await h.ok('users.list', { includeDisabled: true }, admin)).find(
      (u) => u.username === 'clerk1',
    )!;
    expect(clerk.lockedUntil).not.toBeNull();
    await h.ok('users.unlock', { userId: clerk.id }, admin);
    expect((await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' })).ok).toBe(
      true,
    );
  });

  it('answers an unknown user like a wrong password', async () => {
    const result = await h.call('auth.signIn', { username: 'nobody', password: 'Whatever#1' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'BAD_CREDENTIALS', message: '用户名或密码不正确' },
    });
  });
});

describe('idle lock and roles', () => {
  it('locks an idle session, keeps it, and unlocks with the same password', async () => {
    h.clock.advance(16 * 60 * 1000);
    const locked = await h.call('users.list', { includeDisabled: true }, admin);
    expect(locked.ok ? null : locked.error.code).toBe('SESSION_LOCKED');
    const wrong = await h.call('auth.unlock', { password: 'Wrong#2026' }, admin);
    expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_PASSWORD');
    await h.ok('auth.unlock', { password: NEW_ADMIN_PASSWORD }, admin);
    expect((await h.call('users.list', { includeDisabled: true }, admin)).ok).toBe(true);
  });

  it('refuses a counter clerk the administrator’s methods and audits the refusal', async () => {
    const { token } = await h.ok('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    await h.ok(
      'auth.changePassword',
      { currentPassword: 'Clerk#2026', newPassword: 'Window#2026' },
      token,
    );
    const denied = await h.call(
      'users.create',
      { username: 'x12', displayName: '某', role: 'admin', initialPassword: 'Sneaky#2026' },
      token,
    );
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
    expect((await h.call('audit.list', { page: 1, pageSize: 10 }, token)).ok).toBe(false);
    const audit = await h.ok('audit.list', { page: 1, pageSize: 10, outcome: 'denied' }, admin);
    expect(audit.rows.map((row) => `${row.username} ${row.action}`)).toEqual([
      'clerk1 audit.list',
      'clerk1 users.create',
    ]);
  });

  it('never deletes a user who has acted, but disables them', async () => {
    await h.ok('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    const clerk = (await h.ok('users.list', { includeDisabled: true }, admin)).find(
      (u) => u.username === 'clerk1',
    )!;
    const del = await h.call('users.delete', { userId: clerk.id }, admin);
    expect(del.ok ? null : del.error.code).toBe('USER_HAS_ACTIVITY');
    await h.ok('users.setDisabled', { userId: clerk.id, disabled: true }, admin);
    const signIn = await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    expect(signIn.ok ? null : signIn.error.code).toBe('ACCOUNT_DISABLED');
    const fresh = await h.ok(
      'users.create',
      { username: 'temp1', displayName: '临时', role: 'auditor', initialPassword: 'Temp#20261' },
      admin,
    );
    await h.ok('users.delete', { userId: fresh.id }, admin);
    expect(
      (await h.ok('users.list', { includeDisabled: true }, admin)).map((u) => u.username),
    ).not.toContain('temp1');
  });
});
