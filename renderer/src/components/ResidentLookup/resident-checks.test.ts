import { describe, expect, it } from 'vitest';
import { checkDocument, newResidentErrors, newResidentInput } from './resident-checks';

const TODAY = '2026-11-27';
const blank = { name: '', phone: '', address: '', villageOrgId: null, confirmNotDuplicate: false };

describe('document checks at the counter', () => {
  it('accepts a valid ID with a lower-case x and derives birth date and gender', () => {
    const checked = checkDocument('resident_id', '11010519491231002x', TODAY);
    expect(checked).toEqual({
      ok: true,
      value: {
        type: 'resident_id',
        number: '11010519491231002X',
        birthDate: '1949-12-31',
        gender: 'female',
      },
    });
  });

  it('names a wrong check character and an impossible birth date in Chinese', () => {
    expect(checkDocument('resident_id', '110105194912310021', TODAY)).toEqual({
      ok: false,
      error: { code: 'ID_CHECKSUM', message: '身份证号校验位不正确，请核对最后一位' },
    });
    expect(checkDocument('resident_id', '330302199902301234', TODAY)).toEqual({
      ok: false,
      error: { code: 'ID_DATE', message: '身份证号中的出生日期 19990230 不是有效日期' },
    });
    expect(checkDocument('resident_id', '3303021990', TODAY)).toEqual({
      ok: false,
      error: { code: 'ID_LENGTH', message: '身份证号应为18位（旧证为15位），现为10位' },
    });
  });

  it('checks other documents by their own shape', () => {
    expect(checkDocument('hk_macao_pass', 'h12345678', TODAY).ok).toBe(true);
    expect(checkDocument('hk_macao_pass', '12345678', TODAY)).toEqual({
      ok: false,
      error: {
        code: 'ID_FORMAT',
        message: '港澳居民来往内地通行证号应为H或M加8位或10位数字，如 H12345678',
      },
    });
  });
});

describe('the short form for a new resident', () => {
  it('asks for a name and checks the phone only when one is given', () => {
    expect(newResidentErrors(blank)).toEqual({ name: '请填写姓名' });
    expect(newResidentErrors({ ...blank, name: '王小明' })).toEqual({});
    expect(newResidentErrors({ ...blank, name: '王小明', phone: '1380013800' })).toEqual({
      phone: '手机号应为11位数字，以13至19开头',
    });
    expect(newResidentErrors({ ...blank, name: '王小明', phone: '88881234' })).toEqual({
      phone: '固定电话请加区号，如 0577-88881234；手机号应为11位',
    });
  });

  it('sends the name as typed, blanks as not given', () => {
    const name = "<b>张三</b>'; DROP TABLE residents;--";
    expect(
      newResidentInput(
        { type: 'resident_id', number: '11010519491231002X' },
        { ...blank, name: ` ${name} `, address: '  ' },
      ),
    ).toEqual({
      docType: 'resident_id',
      docNumber: '11010519491231002X',
      name,
      phone: null,
      address: null,
      villageOrgId: null,
      confirmNotDuplicate: false,
    });
  });
});
