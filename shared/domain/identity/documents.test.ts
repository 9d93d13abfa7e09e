import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, type DocumentType, validateDocument } from './documents';

const TODAY = '2026-11-27';

describe('validateDocument accepts', () => {
  it.each<[DocumentType, string, string, string | null, string | null]>([
    ['resident_id', '11010519491231002x', '11010519491231002X', '1949-12-31', 'female'],
    ['resident_id', '110105491231002', '11010519491231002X', '1949-12-31', 'female'],
    ['residence_permit', '810000198001011236', '810000198001011236', '1980-01-01', 'male'],
    ['residence_permit', '820000198506150022', '820000198506150022', '1985-06-15', 'female'],
    ['residence_permit', '830000199001010012', '830000199001010012', '1990-01-01', 'male'],
    ['hk_macao_pass', 'h12345678', 'H12345678', null, null],
    ['hk_macao_pass', 'M1234567801', 'M1234567801', null, null],
    ['taiwan_pass', '12345678', '12345678', null, null],
    ['taiwan_pass', '1234567890', '1234567890', null, null],
    ['passport', 'e12345678', 'E12345678', null, null],
    ['passport', 'AB 123', 'AB123', null, null],
    ['passport', 'E1234', 'E1234', null, null],
    ['passport', '12345678901234567', '12345678901234567', null, null],
    [
      'foreign_permanent_residence',
      '931156198501010024',
      '931156198501010024',
      '1985-01-01',
      'female',
    ],
    ['foreign_permanent_residence', 'usa330000000001', 'USA330000000001', null, null],
  ])('%s %s', (type, input, number, birthDate, gender) => {
    expect(validateDocument(type, input, TODAY)).toEqual({
      ok: true,
      value: { type, number, birthDate, gender },
    });
  });
});

describe('validateDocument refuses', () => {
  it.each<[DocumentType, string, string, string]>([
    ['resident_id', '330302199001011234', 'ID_CHECKSUM', '身份证号校验位不正确，请核对最后一位'],
    ['resident_id', '33030219990230123X', 'ID_DATE', '身份证号中的出生日期 19990230 不是有效日期'],
    ['residence_permit', '81000019800101123', 'ID_LENGTH', '港澳台居民居住证号应为18位'],
    [
      'residence_permit',
      '330302199001011235',
      'ID_FORMAT',
      '港澳台居民居住证号应以810000（香港）、820000（澳门）或830000（台湾）开头',
    ],
    [
      'residence_permit',
      '810000198001011237',
      'ID_CHECKSUM',
      '居住证号校验位不正确，请核对最后一位',
    ],
    [
      'residence_permit',
      '810000198002301236',
      'ID_DATE',
      '居住证号中的出生日期 19800230 不是有效日期',
    ],
    [
      'hk_macao_pass',
      'H1234567',
      'ID_FORMAT',
      '港澳居民来往内地通行证号应为H或M加8位或10位数字，如 H12345678',
    ],
    [
      'hk_macao_pass',
      'K12345678',
      'ID_FORMAT',
      '港澳居民来往内地通行证号应为H或M加8位或10位数字，如 H12345678',
    ],
    [
      'hk_macao_pass',
      'H123456789',
      'ID_FORMAT',
      '港澳居民来往内地通行证号应为H或M加8位或10位数字，如 H12345678',
    ],
    ['taiwan_pass', '123456789', 'ID_FORMAT', '台湾居民来往大陆通行证号应为8位数字（旧版为10位）'],
    ['taiwan_pass', 'T1234567', 'ID_FORMAT', '台湾居民来往大陆通行证号应为8位数字（旧版为10位）'],
    ['passport', 'E123', 'ID_FORMAT', '护照号应为5至17位字母或数字'],
    ['passport', '123456789012345678', 'ID_FORMAT', '护照号应为5至17位字母或数字'],
    ['passport', 'E1234-5678', 'ID_FORMAT', '护照号应为5至17位字母或数字'],
    [
      'foreign_permanent_residence',
      '931156198501010025',
      'ID_CHECKSUM',
      '永久居留身份证号校验位不正确，请核对最后一位',
    ],
    [
      'foreign_permanent_residence',
      '330302199001011235',
      'ID_FORMAT',
      '外国人永久居留身份证号应为以9开头的18位，旧版为3位字母加12位数字',
    ],
    [
      'foreign_permanent_residence',
      'US330000000001',
      'ID_FORMAT',
      '外国人永久居留身份证号应为以9开头的18位，旧版为3位字母加12位数字',
    ],
  ])('%s %s → %s', (type, input, code, message) => {
    expect(validateDocument(type, input, TODAY)).toEqual({ ok: false, error: { code, message } });
  });

  it.each(DOCUMENT_TYPES.map((type) => [type]))('an empty %s number', (type) => {
    const result = validateDocument(type, ' ', TODAY);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('ID_EMPTY');
  });
});
