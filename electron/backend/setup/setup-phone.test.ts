import { describe, expect } from 'vitest';
import { YANTOU } from '@shared/testing/org-units';
import { test } from '../testing/fixtures';

const INPUT = {
  level: 'township' as const,
  divisionCode: YANTOU.divisionCode,
  orgName: '岩头镇',
  terminalName: '一号窗口',
  terminalNumber: '01',
  admin: { username: 'admin', displayName: '管理员', password: 'Yantou#Setup2026' },
};

describe('the counter phone asked for at setup', () => {
  test('is stored in the form the papers print, for every session to read', async ({
    harness: h,
  }) => {
    await h.ok('setup.initialize', { ...INPUT, counterPhone: '０５７７ 5715 1234' });
    const { token } = await h.ok('auth.signIn', {
      username: 'admin',
      password: 'Yantou#Setup2026',
    });
    expect((await h.ok('settings.get', {}, token)).counterPhone).toBe('0577-57151234');
  });

  test('may be left for 系统设置', async ({ harness: h }) => {
    await h.ok('setup.initialize', INPUT);
    const { token } = await h.ok('auth.signIn', {
      username: 'admin',
      password: 'Yantou#Setup2026',
    });
    expect((await h.ok('settings.get', {}, token)).counterPhone).toBe('');
  });

  test('refuses a mistyped phone, naming the field, and sets nothing up', async ({
    harness: h,
  }) => {
    const result = await h.call('setup.initialize', { ...INPUT, counterPhone: '5715123' });
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'PHONE_INVALID',
      fields: { counterPhone: expect.any(String) },
    });
    expect((await h.ok('setup.initialize', INPUT)).terminal.number).toBe('01');
  });
});
