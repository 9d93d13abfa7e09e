import { describe, expect, it } from 'vitest';
import { checkCharacter, parseResidentId, upgradeLegacyId } from './resident-id';

const TODAY = '2026-11-27';

describe('parseResidentId accepts', () => {
  it.each([
    // The worked example of GB 11643-1999 itself.
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female', null],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female', null],
    [' 3303 0219 9001 0112 35 ', '330302199001011235', '1990-01-01', 'male', null],
    ['３３０３０２１９９００１０１１２３５', '330302199001011235', '1990-01-01', 'male', null],
    ['331082200002290055', '331082200002290055', '2000-02-29', 'male', null],
    ['33108219870712003X', '33108219870712003X', '1987-07-12', 'male', null],
    ['330302190001010012', '330302190001010012', '1900-01-01', 'male', null],
    ['33030220261127001X', '33030220261127001X', '2026-11-27', 'male', null],
    // A retired division code stays valid.
    ['610302199001010010', '610302199001010010', '1990-01-01', 'male', null],
    // The legacy form of the standard's example: 19 goes in, the check character is computed.
    ['110105491231002', '11010519491231002X', '1949-12-31', 'female', '110105491231002'],
  ])('%s', (input, number, birthDate, gender, legacyNumber) => {
    expect(parseResidentId(input, TODAY)).toEqual({
      ok: true,
      value: { number, birthDate, gender, legacyNumber },
    });
  });
});

describe('parseResidentId refuses', () => {
  it.each([
    ['', 'ID_EMPTY', '请输入身份证号'],
    ['   ', 'ID_EMPTY', '请输入身份证号'],
    ['33030219900101123', 'ID_LENGTH', '身份证号应为18位（旧证为15位），现为17位'],
    ['3303021990010112355', 'ID_LENGTH', '身份证号应为18位（旧证为15位），现为19位'],
    ['3303021990010112X5', 'ID_CHARS', '身份证号前17位应为数字，最后一位为数字或X'],
    ['33030219900101123Y', 'ID_CHARS', '身份证号前17位应为数字，最后一位为数字或X'],
    ['11010549123100X', 'ID_CHARS', '15位旧身份证号应全部为数字'],
    ['030302199001011235', 'ID_DIVISION', '身份证号第1位应为1至8（行政区划代码）'],
    ['931156198501010024', 'ID_DIVISION', '以9开头的是外国人永久居留身份证号码，请选择该证件类型'],
    ['33030219990230123X', 'ID_DATE', '身份证号中的出生日期 19990230 不是有效日期'],
    ['330302199913011230', 'ID_DATE', '身份证号中的出生日期 19991301 不是有效日期'],
    ['330302490230123', 'ID_DATE', '身份证号中的出生日期 19490230 不是有效日期'],
    // The standard's second example is well formed but older than this app accepts.
    ['440524188001010014', 'ID_DATE', '身份证号中的出生日期 18800101 早于1900年'],
    ['330302189912310018', 'ID_DATE', '身份证号中的出生日期 18991231 早于1900年'],
    ['330302202611280015', 'ID_DATE', '身份证号中的出生日期 20261128 晚于今天'],
    ['330302199001011234', 'ID_CHECKSUM', '身份证号校验位不正确，请核对最后一位'],
    ['110105194912310020', 'ID_CHECKSUM', '身份证号校验位不正确，请核对最后一位'],
    ['330302199001011253', 'ID_CHECKSUM', '身份证号校验位不正确，请核对最后一位'],
  ])('%s → %s', (input, code, message) => {
    expect(parseResidentId(input, TODAY)).toEqual({ ok: false, error: { code, message } });
  });
});

describe('check character', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['33030219900101123', '5'],
  ])('%s → %s', (first17, check) => {
    expect(checkCharacter(first17)).toBe(check);
  });

  it('changes when any single digit changes, so a typo is caught', () => {
    const first17 = '33030219900101123';
    for (let index = 0; index < 17; index += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        const typo = first17.slice(0, index) + String(digit) + first17.slice(index + 1);
        if (typo !== first17) expect(checkCharacter(typo)).not.toBe('5');
      }
    }
  });

  it('upgrades a legacy number to the 18-character one', () => {
    expect(upgradeLegacyId('110105491231002')).toBe('11010519491231002X');
  });
});
