import { describe, expect } from 'vitest';
import { contract, type MethodName } from '@shared/api';
import { setUpTownship } from '../testing/harness';
import { WUMA } from '@shared/testing/org-units';
import { test } from '../testing/fixtures';

describe('the one call path', () => {
  test('refuses malformed input to every method with INVALID_INPUT and a Chinese message', async ({
    harness: h,
    township: { admin: token },
  }) => {
    for (const method of Object.keys(contract) as MethodName[]) {
      for (const input of [
        42,
        'x',
        [1],
        { page: 'one', username: 7, password: [], level: 'city', userId: 5 },
      ]) {
        // Methods whose fields are all optional rightly accept an object of unknown keys.
        if (contract[method].input.safeParse(input).success) continue;
        const result = await h.backend.call({ method, input, session: token });
        expect(result.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) {
          expect(['INVALID_INPUT', 'SETUP_DONE', 'FORBIDDEN']).toContain(result.error.code);
          expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });

  test('names the field of a bad input', async ({ harness: h }) => {
    const result = await h.call('setup.initialize', {
      level: 'township',
      divisionCode: '33030200',
      orgName: '',
      terminalName: '一号窗口',
      terminalNumber: '1',
      admin: { username: 'admin', displayName: '管理员', password: 'Desk#2026a' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.fields).toMatchObject({
        orgName: '请填写单位名称',
        terminalNumber: '终端编号为两位数字，例如 01',
      });
    }
  });

  test('refuses an unknown method, a bad envelope, and a call without a session', async ({
    harness: h,
    township: _township,
  }) => {
    expect(await h.backend.call({ method: 'users.drop', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await h.backend.call('users.list')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.backend.call({ method: '__proto__', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await h.call('users.list', { includeDisabled: true })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await h.call('users.list', { includeDisabled: true }, 'forged-token')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  test('answers only status and setup before the wizard has run', async ({ harness: h }) => {
    expect(
      await h.call('auth.signIn', { username: 'admin', password: 'Desk#2026a' }),
    ).toMatchObject({ ok: false, error: { code: 'SETUP_REQUIRED' } });
    const tree = await h.ok('setup.demoOrgTree', {});
    expect(tree.nodes.length).toBeGreaterThan(10);
  });

  test('refuses a second setup and a wrong division code', async ({ harness: h }) => {
    const bad = await h.call('setup.initialize', {
      level: 'village',
      divisionCode: WUMA.divisionCode,
      orgName: '某村',
      terminalName: '代办点',
      terminalNumber: '01',
      admin: { username: 'admin', displayName: '管理员', password: 'Desk#2026a' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DIVISION_CODE', message: '村（社区）行政区划代码应为 12 位数字' },
    });
    await setUpTownship(h);
    const again = await h.call('setup.initialize', {
      level: 'township',
      divisionCode: WUMA.divisionCode,
      orgName: '重复',
      terminalName: '二号',
      terminalNumber: '02',
      admin: { username: 'admin2', displayName: '管理员', password: 'Desk#2026a' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
  });
});
