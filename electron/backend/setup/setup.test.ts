import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createHarness, type Harness } from '../testing/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

describe('the first-run wizard', () => {
  it('lets the administrator work at once on the password he chose himself', async () => {
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
