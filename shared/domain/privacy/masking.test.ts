import { describe, expect, it } from 'vitest';
import type { DocumentType } from '../identity/documents';
import { maskDocument, maskIdNumber, maskName, maskPhone } from './masking';

describe('maskIdNumber', () => {
  it.each([
    ['330302199001011234', '330302********1234'],
    ['11010519491231002X', '110105********002X'],
    ['110105491231002', '110105*****1002'],
    ['1234567890', '**********'],
    ['', ''],
  ])('%s → %s', (number, masked) => {
    expect(maskIdNumber(number)).toBe(masked);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['0577-88881234', '0577-****1234'],
    ['010-6234567', '010-***4567'],
    ['+85291234567', '+852****4567'],
    ['1234', '****'],
  ])('%s → %s', (number, masked) => {
    expect(maskPhone(number)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳娜娜', '欧**娜'],
    [' 李四 ', '李*'],
    ['王', '*'],
    ['𠮷野家', '𠮷*家'],
    ['John Smith', 'J********h'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskDocument', () => {
  it.each<[DocumentType, string, string]>([
    ['resident_id', '330302199001011235', '330302********1235'],
    ['residence_permit', '810000198001011236', '810000********1236'],
    ['hk_macao_pass', 'H12345678', 'H1*****78'],
    ['taiwan_pass', '12345678', '12****78'],
    ['passport', 'E12345678', 'E1*****78'],
    ['foreign_permanent_residence', '931156198501010024', '93**************24'],
    ['passport', 'AB12', '****'],
  ])('%s %s → %s', (type, number, masked) => {
    expect(maskDocument(type, number)).toBe(masked);
  });
});
