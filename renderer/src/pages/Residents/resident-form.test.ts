import { checkCharacter } from '@shared/domain/identity/resident-id';
import { describe, expect, it } from 'vitest';
import {
  createValidator,
  EMPTY_RESIDENT,
  isFullyTyped,
  readDocument,
  toUpdateInput,
  type ResidentFormValues,
} from './resident-form';

const TODAY = '2026-11-27';
// Born 1990-01-01, sequence 123 (odd: male).
const FIRST17 = '33032419900101123';
const VALID = FIRST17 + checkCharacter(FIRST17);
const WRONG_CHECK = FIRST17 + (checkCharacter(FIRST17) === '0' ? '1' : '0');
// Born 1949-12-31, sequence 002 (even: female), check character X.
const WITH_X = '11010519491231002X';

describe('readDocument', () => {
  it.each([
    [
      'a valid number',
      VALID,
      { error: null, gender: '男', birthDate: '1990-01-01', storedAs: null },
    ],
    [
      'a lower-case x, stored as X',
      WITH_X.toLowerCase(),
      { error: null, gender: '女', storedAs: WITH_X },
    ],
    [
      'a 15-digit legacy number, stored as its 18-digit successor',
      '330324900101123',
      { error: null, gender: '男', birthDate: '1990-01-01', storedAs: VALID },
    ],
    ['a wrong check character', WRONG_CHECK, { error: '身份证号校验位不正确，请核对最后一位' }],
    [
      'an impossible date',
      `33032419990230123${checkCharacter('33032419990230123')}`,
      { error: '身份证号中的出生日期 19990230 不是有效日期' },
    ],
    ['nothing yet', '  ', { error: null, gender: null, storedAs: null }],
  ])('%s', (_, typed, expected) => {
    expect(readDocument('resident_id', typed, TODAY)).toMatchObject(expected);
  });

  it('checks a passport by its shape only, with nothing derived', () => {
    expect(readDocument('passport', 'e12345678', TODAY)).toEqual({
      error: null,
      gender: null,
      birthDate: null,
      storedAs: 'E12345678',
    });
    expect(readDocument('passport', 'E1', TODAY).error).toBe('护照号应为5至17位字母或数字');
  });
});

describe('isFullyTyped', () => {
  it('judges an ID number while typing only once 18 characters are in', () => {
    expect(isFullyTyped('resident_id', VALID.slice(0, 17))).toBe(false);
    expect(isFullyTyped('resident_id', VALID)).toBe(true);
    expect(isFullyTyped('passport', 'E12345678')).toBe(false);
  });
});

describe('createValidator', () => {
  const validate = createValidator(TODAY);
  const values = (overrides: Partial<ResidentFormValues>): ResidentFormValues => ({
    ...EMPTY_RESIDENT,
    docNumber: VALID,
    name: '张三丰',
    ...overrides,
  });

  it('passes a complete record', () => {
    expect(Object.values(validate(values({ phone: '138 0013 8000' }))).filter(Boolean)).toEqual([]);
  });

  it('names the missing document number, the bad phone and the missing name in Chinese', () => {
    const errors = validate(values({ docNumber: '', name: ' ', phone: '12345' }));
    expect(errors.docNumber).toBe('请输入居民身份证号码');
    expect(errors.phone).toBe('手机号应为11位数字，以13至19开头');
    expect(errors.name).toBe('请填写姓名');
  });
});

describe('toUpdateInput', () => {
  const values = (overrides: Partial<ResidentFormValues> = {}): ResidentFormValues => ({
    ...EMPTY_RESIDENT,
    name: '张三丰',
    address: ' ',
    ...overrides,
  });

  it('leaves a blank phone out, so the stored one is kept, and sends blank text as null', () => {
    const input = toUpdateInput(values(), 'r1');
    expect(input).not.toHaveProperty('phone');
    expect(input.address).toBeNull();
    expect(toUpdateInput(values({ phone: '13800138000' }), 'r1').phone).toBe('13800138000');
  });
});
