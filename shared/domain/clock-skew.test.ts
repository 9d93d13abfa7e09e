import { describe, expect, it } from 'vitest';
import { clockAheadWarning, roughDuration } from './clock-skew';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('a clock set wrong, in words', () => {
  it.each([
    [365 * DAY, '约 365 天'],
    [DAY + 11 * HOUR, '约 1 天'],
    [DAY + 13 * HOUR, '约 2 天'],
    [5 * HOUR + 20 * MINUTE, '约 5 小时'],
    [6 * MINUTE, '约 6 分钟'],
    [20_000, '约 1 分钟'],
    [-3 * DAY, '约 3 天'],
  ])('%i ms is %s', (ms, words) => {
    expect(roughDuration(ms)).toBe(words);
  });

  it('tells the user to set the system time', () => {
    expect(clockAheadWarning(365 * DAY)).toBe('本机时间与县级平台相差约 365 天，请校准系统时间');
  });
});
