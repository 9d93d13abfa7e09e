import { describe, expect, it } from 'vitest';
import {
  INITIAL_SETUP_VALUES,
  stepOfField,
  toSetupInput,
  validateSetup,
  type SetupValues,
} from './setup-form';

const valid: SetupValues = {
  loadDemoOrgTree: false,
  level: 'township',
  divisionCode: '330302001',
  orgName: '五马街道便民服务中心',
  terminalName: '一号窗口',
  terminalNumber: '01',
  counterPhone: '',
  admin: {
    username: 'admin',
    displayName: '陈建国',
    password: 'Wuma#Setup2026',
    confirmPassword: 'Wuma#Setup2026',
  },
};

describe('validateSetup', () => {
  it('accepts a complete township setup', () => {
    expect(validateSetup(valid)).toEqual({});
  });

  it.each([
    ['village', '330302001', 'divisionCode', '村（社区）行政区划代码应为 12 位数字'],
    ['county', '330302001', 'divisionCode', '县级行政区划代码应为 6 位数字'],
    ['township', '', 'divisionCode', '请填写行政区划代码'],
    ['township', '33030200a', 'divisionCode', '行政区划代码只能是数字'],
  ] as const)('level %s with code "%s" → %s: %s', (level, code, path, message) => {
    expect(validateSetup({ ...valid, level, divisionCode: code })[path]).toBe(message);
  });

  it.each([
    [{ password: 'short', confirmPassword: 'short' }, 'admin.password', '密码至少 8 位'],
    [
      { password: 'Admin#2026x', confirmPassword: 'Admin#2026x' },
      'admin.password',
      '密码不能包含用户名',
    ],
    [{ confirmPassword: 'Other#2026' }, 'admin.confirmPassword', '两次填写的密码不一致'],
    [{ username: 'ad' }, 'admin.username', '用户名为 3 到 32 位字母、数字、下划线、点或横线'],
  ] as const)('admin %o → %s', (admin, path, message) => {
    expect(validateSetup({ ...valid, admin: { ...valid.admin, ...admin } })[path]).toBe(message);
  });

  it('asks for every empty field of a fresh wizard', () => {
    const errors = validateSetup(INITIAL_SETUP_VALUES);
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining(['divisionCode', 'orgName', 'terminalName', 'admin.password']),
    );
  });
});

describe('stepOfField', () => {
  it.each([
    ['divisionCode', 0],
    ['terminalNumber', 1],
    ['admin.password', 2],
    ['unknown', 0],
  ])('%s is on step %i', (path, step) => {
    expect(stepOfField(path)).toBe(step);
  });
});

describe('toSetupInput', () => {
  it('drops the confirmation and trims the code', () => {
    const input = toSetupInput({ ...valid, divisionCode: ' 330302001 ' });
    expect(input.divisionCode).toBe('330302001');
    expect(input.admin).toEqual({
      username: 'admin',
      displayName: '陈建国',
      password: 'Wuma#Setup2026',
    });
  });
});
