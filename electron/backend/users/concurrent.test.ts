import { describe, expect } from 'vitest';
import { NEW_CLERK, test } from '../testing/fixtures';

/** Two administrators change one account at once; the second was decided on what is gone. */
describe('two changes of one account at once', () => {
  test('exactly one goes through; the other is refused and changes nothing', async ({
    harness: h,
    township: { admin },
  }) => {
    const clerk = await h.ok('users.create', NEW_CLERK, admin);
    const results = await Promise.all([
      h.call(
        'users.update',
        { userId: clerk.id, displayName: '王芳芳', role: 'clerk', orgUnitId: clerk.orgUnitId },
        admin,
      ),
      h.call('users.setDisabled', { userId: clerk.id, disabled: true }, admin),
    ]);

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({
      ok: false,
      error: { code: 'VERSION_CONFLICT', message: '该记录已被他人修改，请刷新后重试' },
    });
    const users = await h.ok('users.list', {}, admin);
    const now = users.find((user) => user.id === clerk.id)!;
    const renamed = results[0].ok;
    expect(now.displayName).toBe(renamed ? '王芳芳' : NEW_CLERK.displayName);
    expect(now.disabled).toBe(!renamed);
  });
});
