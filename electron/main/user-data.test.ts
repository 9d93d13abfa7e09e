import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_DATA_ENV, userDataOverride } from './user-data';

const standardPath = resolve('/home/clerk/.config/基层一窗通');

describe('userDataOverride', () => {
  it.each([
    [
      'a development run with the variable uses it',
      false,
      { [USER_DATA_ENV]: 'tmp/run-1' },
      false,
      resolve('tmp/run-1'),
    ],
    ['a development run without it keeps Electron’s folder', false, {}, false, undefined],
    [
      'an installed app ignores the variable',
      true,
      { [USER_DATA_ENV]: '/media/usb/other-office' },
      false,
      undefined,
    ],
    ['an installed app undoes --user-data-dir', true, {}, true, standardPath],
    [
      'an installed app undoes both together',
      true,
      { [USER_DATA_ENV]: '/tmp/x' },
      true,
      standardPath,
    ],
  ])('%s', (_label, isPackaged, env, hasUserDataSwitch, expected) => {
    expect(userDataOverride({ isPackaged, env, hasUserDataSwitch, standardPath })).toBe(expected);
  });
});
