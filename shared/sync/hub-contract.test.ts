import { describe, expect, it } from 'vitest';
import {
  HUB_ERROR_CODES,
  HUB_ERROR_MESSAGES,
  HUB_ERROR_STATUS,
  enrolRequestSchema,
  formatEnrolmentCode,
} from './hub-contract';

describe('enrolment code input', () => {
  it('accepts what a person types off the slip: groups, spaces, lower case', () => {
    const parsed = enrolRequestSchema.parse({ code: ' abcd-efgh jkmn ', appVersion: '0.1.0' });
    expect(parsed.code).toBe('ABCDEFGHJKMN');
    expect(formatEnrolmentCode(parsed.code)).toBe('ABCD-EFGH-JKMN');
  });

  it.each([
    ['ABCD-EFGH-JKM', '加入码为 12 位字母和数字'],
    ['ABCD-EFGH-JKM0', '加入码含有无效字符'],
  ])('refuses %s with a Chinese message', (code, message) => {
    const result = enrolRequestSchema.safeParse({ code, appVersion: '0.1.0' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe('hub errors', () => {
  it('has a Chinese message and an HTTP status for every code', () => {
    for (const code of HUB_ERROR_CODES) {
      expect(HUB_ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/);
      expect(HUB_ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
    }
  });
});
