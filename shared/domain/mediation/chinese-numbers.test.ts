import { describe, expect, it } from 'vitest';
import { capitalAmount, chineseNumeral, yuanFigures } from './chinese-numbers';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [35, '三十五'],
    [99, '九十九'],
  ])('%i → %s', (n, words) => {
    expect(chineseNumeral(n)).toBe(words);
  });

  it('refuses what an obligation list never numbers', () => {
    expect(() => chineseNumeral(0)).toThrow();
    expect(() => chineseNumeral(100)).toThrow();
  });
});

describe('capitalAmount', () => {
  it.each([
    [0, '零元整'],
    [100, '壹元整'],
    [1_000, '壹拾元整'],
    [1_200_000, '壹万贰仟元整'],
    [1_001_000, '壹万零壹拾元整'],
    [10_000_000, '壹拾万元整'],
    [100_001_000, '壹佰万零壹拾元整'],
    [10_000_000_100, '壹亿零壹元整'],
    [105_000, '壹仟零伍拾元整'],
    // The regulation's own example 107,000.53 may be read either way; a full 仟 group needs no 零.
    [10_700_053, '壹拾万柒仟元伍角叁分'],
    [100_500_000, '壹佰万伍仟元整'],
    [105, '壹元零伍分'],
    [150, '壹元伍角'],
    [155, '壹元伍角伍分'],
    [50, '伍角'],
    [5, '伍分'],
    [123_456_789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
  ])('%i fen → %s', (fen, words) => {
    expect(capitalAmount(fen)).toBe(words);
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => capitalAmount(-1)).toThrow();
    expect(() => capitalAmount(1.5)).toThrow();
  });
});

describe('yuanFigures', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1_200_000, '12,000.00'],
    [123_456_789, '1,234,567.89'],
  ])('%i fen → %s', (fen, text) => {
    expect(yuanFigures(fen)).toBe(text);
  });
});
