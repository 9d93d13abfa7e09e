import { describe, expect } from 'vitest';
import { ADMIN_PASSWORD } from '../testing/harness';
import { test } from '../testing/fixtures';

describe('the first-run wizard', () => {
  test('lets the administrator work at once on the password he chose himself', async ({
    harness: h,
  }) => {
    await h.ok('setup.initialize', {
      level: 'township',
      divisionCode: '330302001',
      orgName: '五马街道便民服务中心',
      terminalName: '一号窗口',
      terminalNumber: '01',
      admin: { username: 'admin', displayName: '陈建国', password: ADMIN_PASSWORD },
      loadDemoOrgTree: false,
    });
    const { token, user } = await h.ok('auth.signIn', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(user.mustChangePassword).toBe(false);
    const users = await h.call('users.list', { includeDisabled: true }, token);
    expect(users.ok).toBe(true);
  });
});
