import { describe, expect, it } from 'vitest';
import { pinyinInitials } from './pinyin-initials';

describe('pinyinInitials', () => {
  it.each([
    ['城乡居民基本医疗保险参保登记', 'cxjmjbylbxcbdj'],
    ['残疾人证申领', 'cjrzsl'],
    ['张三丰', 'zsf'],
    ['JOHN Smith', 'johnsmith'],
    ['王（临时）', 'wls'],
    ["<b>王</b>'; DROP TABLE residents;--", 'bwbdroptableresidents'],
  ])('%s → %s', (text, initials) => {
    expect(pinyinInitials(text)).toBe(initials);
  });

  it('reads the first character of a person name as a surname', () => {
    expect(pinyinInitials('单雄信', { personName: true })).toBe('sxx');
    expect(pinyinInitials('曾小贤', { personName: true })).toBe('zxx');
    expect(pinyinInitials('单雄信')).toBe('dxx');
  });
});
