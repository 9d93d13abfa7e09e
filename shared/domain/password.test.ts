import { describe, expect, it } from 'vitest';
import { checkPassword } from './password';

describe('checkPassword', () => {
  it.each([
    ['Abc12!', 'too-short'],
    ['abcdefgh', 'too-few-classes'],
    ['abcd1234', 'too-few-classes'],
    ['ABCD1234', 'too-few-classes'],
    ['Abcd1234', null],
    ['abcd123!', null],
    ['窗口人员Abc12', null],
  ] as const)('%s → %s', (password, problem) => {
    expect(checkPassword(password)).toBe(problem);
  });

  it('refuses a password that contains the username, in any case', () => {
    expect(checkPassword('Zhangsan#2026', 'zhangsan')).toBe('contains-username');
    expect(checkPassword('Counter#2026', 'zhangsan')).toBeNull();
  });
});
