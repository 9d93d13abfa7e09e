import { describe, expect } from 'vitest';
import { ADMIN_PASSWORD } from '../testing/harness';
import { WUMA } from '@shared/testing/org-units';
import { test } from '../testing/fixtures';

describe('the first-run wizard', () => {
  test('lets the administrator work at once on the password he chose himself', async ({
    harness: h,
  }) => {
    await h.ok('setup.initialize', {
      level: 'township',
      divisionCode: WUMA.divisionCode,
      orgName: WUMA.centre,
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
