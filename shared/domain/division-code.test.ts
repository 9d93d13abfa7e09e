import { describe, expect, it } from 'vitest';
import { checkDivisionCode, parentDivisionCode } from './division-code';

describe('checkDivisionCode', () => {
  it.each([
    ['330302', 'county', null],
    ['330302001', 'township', null],
    ['330302001001', 'village', null],
    ['33030', 'county', '县级行政区划代码应为 6 位数字'],
    ['330302', 'township', '乡镇（街道）行政区划代码应为 9 位数字'],
    ['33030200100A', 'village', '行政区划代码只能是数字'],
    ['990302', 'county', '行政区划代码的前两位不是有效的省级代码'],
    ['330000', 'county', '行政区划代码应具体到县级'],
  ] as const)('%s as %s', (code, level, message) => {
    expect(checkDivisionCode(code, level)).toBe(message);
  });

  it('finds the parent by prefix', () => {
    expect(parentDivisionCode('330302001001')).toBe('330302001');
    expect(parentDivisionCode('330302001')).toBe('330302');
    expect(parentDivisionCode('330302')).toBeNull();
  });
});
