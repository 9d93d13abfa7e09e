import { describe, expect } from 'vitest';
import { NEW_ADMIN_PASSWORD, type Harness } from '../testing/harness';
import { NEW_CLERK, test } from '../testing/fixtures';

test.beforeEach(async ({ harness, township }) => {
  await harness.ok('users.create', NEW_CLERK, township.admin);
});

describe('password policy', () => {
  test.for([
    ['Ab1!', 'WEAK_PASSWORD'],
    ['abcdefgh', 'WEAK_PASSWORD'],
    ['abcd1234', 'WEAK_PASSWORD'],
    ['Clerk2#026', 'WEAK_PASSWORD'],
  ] as const)(
    'refuses %s for a new user',
    async ([password, code], { harness: h, township: { admin } }) => {
      const result = await h.call(
        'users.create',
        { username: 'clerk2', displayName: '李明', role: 'clerk', initialPassword: password },
        admin,
      );
      expect(result.ok ? null : result.error.code).toBe(code);
    },
  );

  test('makes a new user change the initial password before doing anything else', async ({
    harness: h,
  }) => {
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

  test('makes a reset password be changed again, and ends the user’s sessions', async ({
    harness: h,
    township: { admin },
  }) => {
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

const REFUSED = {
  code: 'BAD_CREDENTIALS',
  message:
    '用户名或密码不正确，或账号已锁定、已停用。连续输错 5 次密码会锁定 10 分钟，需要时请联系系统管理员。',
};

async function clerkRow(h: Harness, admin: string) {
  return (await h.ok('users.list', { includeDisabled: true }, admin)).find(
    (u) => u.username === 'clerk1',
  )!;
}

/** A second clerk, whose account the tests disable. */
const LI_MING = {
  username: 'clerk2',
  displayName: '李明',
  role: 'clerk',
  initialPassword: 'Lime#2026q',
} as const;

function errorOf(result: { ok: boolean; error?: unknown }) {
  return result.ok ? null : result.error;
}

describe('lockout', () => {
  test('locks after 5 wrong passwords for 10 minutes, even for the right password, and audits it', async ({
    harness: h,
    township: { admin },
  }) => {
    for (let i = 1; i <= 5; i++) {
      const wrong = await h.call('auth.signIn', { username: 'clerk1', password: `Wrong#${i}xyz` });
      expect(errorOf(wrong)).toEqual(REFUSED);
    }
    expect((await clerkRow(h, admin)).lockedUntil).not.toBeNull();
    const right = await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    expect(errorOf(right)).toEqual(REFUSED);

    h.clock.advance(9 * 60 * 1000);
    expect((await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' })).ok).toBe(
      false,
    );
    h.clock.advance(61 * 1000);
    expect((await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' })).ok).toBe(
      true,
    );

    const audit = await h.ok('audit.list', { page: 1, pageSize: 100, username: 'clerk1' }, admin);
    const actions = audit.rows.map((row) => `${row.action}:${row.outcome}:${row.detail}`);
    expect(actions.filter((a) => a === 'auth.signIn:failure:密码错误')).toHaveLength(5);
    expect(actions.filter((a) => a === 'auth.signIn:failure:账号已锁定')).toHaveLength(2);
    expect(actions.filter((a) => a.startsWith('auth.lockout:success'))).toHaveLength(1);
    expect(actions[0]).toBe('auth.signIn:success:null');
  });

  test('holds against 20 wrong passwords sent at once: the lock is set and the right one is refused', async ({
    harness: h,
    township: { admin },
  }) => {
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.call('auth.signIn', { username: 'clerk1', password: `Guess#${i}abc` }),
      ),
    );
    expect(guesses.every((g) => !g.ok)).toBe(true);
    expect((await clerkRow(h, admin)).lockedUntil).not.toBeNull();
    const right = await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    expect(errorOf(right)).toEqual(REFUSED);
    const audit = await h.ok(
      'audit.list',
      { page: 1, pageSize: 100, username: 'clerk1', outcome: 'failure' },
      admin,
    );
    const details = audit.rows.map((row) => row.detail);
    // Counted one by one: exactly the fifth locks; the rest meet the lock after their hash.
    expect(details.filter((d) => d === '密码错误')).toHaveLength(5);
    expect(details.filter((d) => d === '账号已锁定')).toHaveLength(16);
    const lockouts = await h.ok(
      'audit.list',
      { page: 1, pageSize: 10, action: 'auth.lockout' },
      admin,
    );
    expect(lockouts.total).toBe(1);
  }, 60_000);

  test('lets an administrator lift the lock early', async ({ harness: h, township: { admin } }) => {
    for (let i = 0; i < 5; i++)
      await h.call('auth.signIn', { username: 'clerk1', password: 'Nope#12345' });
    const clerk = await clerkRow(h, admin);
    expect(clerk.lockedUntil).not.toBeNull();
    await h.ok('users.unlock', { userId: clerk.id }, admin);
    expect((await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' })).ok).toBe(
      true,
    );
  });

  test('answers an unknown, a disabled and a locked account as it answers a wrong password', async ({
    harness: h,
    township: { admin },
  }) => {
    await h.ok('users.create', LI_MING, admin);
    const clerk2 = (await h.ok('users.list', { includeDisabled: true }, admin)).find(
      (u) => u.username === 'clerk2',
    )!;
    await h.ok('users.setDisabled', { userId: clerk2.id, disabled: true }, admin);
    const wrong = await h.call('auth.signIn', { username: 'clerk1', password: 'Wrong#2026x' });
    const unknown = await h.call('auth.signIn', { username: 'nobody', password: 'Whatever#1' });
    const disabled = await h.call('auth.signIn', { username: 'clerk2', password: 'Lime#2026q' });
    for (let i = 0; i < 4; i++)
      await h.call('auth.signIn', { username: 'clerk1', password: 'Nope#12345' });
    const locked = await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    for (const answer of [wrong, unknown, disabled, locked])
      expect(errorOf(answer)).toEqual(REFUSED);
  });

  test('takes as long for an unknown, a disabled or a locked account as for a wrong password', async ({
    harness: h,
    township: { admin },
  }) => {
    await h.ok('users.create', LI_MING, admin);
    await h.ok(
      'users.create',
      { username: 'clerk3', displayName: '赵强', role: 'clerk', initialPassword: 'Pear#2026q' },
      admin,
    );
    const users = await h.ok('users.list', { includeDisabled: true }, admin);
    const id = (name: string) => users.find((u) => u.username === name)!.id;
    await h.ok('users.setDisabled', { userId: id('clerk2'), disabled: true }, admin);
    for (let i = 0; i < 5; i++)
      await h.call('auth.signIn', { username: 'clerk3', password: 'Nope#12345' });

    const attempts = {
      wrong: { username: 'clerk1', password: 'Wrong#2026x' },
      unknown: { username: 'nobody', password: 'Clerk#2026' },
      disabled: { username: 'clerk2', password: 'Lime#2026q' },
      locked: { username: 'clerk3', password: 'Pear#2026q' },
    };
    const times: Record<keyof typeof attempts, number[]> = {
      wrong: [],
      unknown: [],
      disabled: [],
      locked: [],
    };
    // Interleaved rounds, so that load on the machine falls on every path alike.
    for (let round = 0; round < 5; round++) {
      for (const [path, input] of Object.entries(attempts) as [
        keyof typeof attempts,
        typeof attempts.wrong,
      ][]) {
        const started = performance.now();
        const answer = await h.call('auth.signIn', input);
        times[path].push(performance.now() - started);
        expect(errorOf(answer)).toEqual(REFUSED);
      }
      // The wrong-password account must not lock itself out of the measurement.
      await h.ok('users.unlock', { userId: id('clerk1') }, admin);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[2]!;
    const reference = median(times.wrong);
    // A path that skipped the password hash would answer in a few ms against the hash's tens.
    for (const path of ['unknown', 'disabled', 'locked'] as const) {
      const ratio = median(times[path]) / reference;
      expect(
        ratio,
        `${path}: ${times[path].join(', ')} vs ${times.wrong.join(', ')}`,
      ).toBeGreaterThan(0.5);
      expect(ratio, `${path}: ${times[path].join(', ')} vs ${times.wrong.join(', ')}`).toBeLessThan(
        2,
      );
    }
  }, 60_000);
});

describe('sessions', () => {
  test('ends the user’s other sessions when the password changes, and keeps this one', async ({
    harness: h,
    township: { admin },
  }) => {
    const first = await h.ok('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    const second = await h.ok('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    await h.ok(
      'auth.changePassword',
      { currentPassword: 'Clerk#2026', newPassword: 'Window#2026' },
      second.token,
    );
    const other = await h.call('auth.me', {}, first.token);
    expect(other.ok ? null : other.error.code).toBe('UNAUTHENTICATED');
    expect((await h.ok('auth.me', {}, second.token)).username).toBe('clerk1');
    expect((await h.call('users.list', { includeDisabled: true }, admin)).ok).toBe(true);
  });

  test('ends a session 12 hours after sign-in however busy it was, and says so', async ({
    harness: h,
    township: { admin },
  }) => {
    for (let minutes = 0; minutes < 12 * 60; minutes += 10) {
      expect((await h.call('users.list', { includeDisabled: true }, admin)).ok).toBe(true);
      h.clock.advance(10 * 60 * 1000);
    }
    h.clock.advance(60 * 1000);
    const expired = await h.call('users.list', { includeDisabled: true }, admin);
    expect(errorOf(expired)).toEqual({
      code: 'SESSION_EXPIRED',
      message: '登录已超过 12 小时，请重新登录',
    });
    const again = await h.call('auth.me', {}, admin);
    expect(again.ok ? null : again.error.code).toBe('UNAUTHENTICATED');
  });

  test('does not let a screen-locked session be unlocked past its 12 hours', async ({
    harness: h,
    township: { admin },
  }) => {
    await h.ok('auth.lock', {}, admin);
    h.clock.advance(12 * 60 * 60 * 1000 + 1);
    const unlock = await h.call('auth.unlock', { password: NEW_ADMIN_PASSWORD }, admin);
    expect(unlock.ok ? null : unlock.error.code).toBe('SESSION_EXPIRED');
  });
});

describe('idle lock and roles', () => {
  test('locks an idle session, keeps it, and unlocks with the same password', async ({
    harness: h,
    township: { admin },
  }) => {
    h.clock.advance(16 * 60 * 1000);
    const locked = await h.call('users.list', { includeDisabled: true }, admin);
    expect(locked.ok ? null : locked.error.code).toBe('SESSION_LOCKED');
    const wrong = await h.call('auth.unlock', { password: 'Wrong#2026' }, admin);
    expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_PASSWORD');
    await h.ok('auth.unlock', { password: NEW_ADMIN_PASSWORD }, admin);
    expect((await h.call('users.list', { includeDisabled: true }, admin)).ok).toBe(true);
  });

  test('refuses a counter clerk the administrator’s methods and audits the refusal', async ({
    harness: h,
    township: { admin },
  }) => {
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

  test('never deletes a user who has acted, but disables them', async ({
    harness: h,
    township: { admin },
  }) => {
    await h.ok('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    const clerk = (await h.ok('users.list', { includeDisabled: true }, admin)).find(
      (u) => u.username === 'clerk1',
    )!;
    const del = await h.call('users.delete', { userId: clerk.id }, admin);
    expect(del.ok ? null : del.error.code).toBe('USER_HAS_ACTIVITY');
    await h.ok('users.setDisabled', { userId: clerk.id, disabled: true }, admin);
    const signIn = await h.call('auth.signIn', { username: 'clerk1', password: 'Clerk#2026' });
    expect(errorOf(signIn)).toEqual(REFUSED);
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
