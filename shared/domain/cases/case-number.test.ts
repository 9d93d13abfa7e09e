import { describe, expect, it } from 'vitest';
import {
  caseNumberSchema,
  caseNumberSearchKey,
  formatCaseNumber,
  normaliseCaseNumberQuery,
  parseCaseNumber,
} from './case-number';

describe('formatCaseNumber and parseCaseNumber', () => {
  it.each([
    [
      { orgCode: '330302001', terminal: '01', date: '2026-11-27', sequence: 1 },
      '330302001-01-20261127-0001',
    ],
    [
      { orgCode: '330302001001', terminal: '02', date: '2024-02-29', sequence: 9999 },
      '330302001001-02-20240229-9999',
    ],
    [
      { orgCode: '330302', terminal: '00', date: '2027-01-01', sequence: 42 },
      '330302-00-20270101-0042',
    ],
  ])('%j ⇄ %s', (parts, text) => {
    expect(formatCaseNumber(parts)).toBe(text);
    expect(parseCaseNumber(text)).toEqual(parts);
  });

  it.each([
    { orgCode: '33030200', terminal: '01', date: '2026-11-27', sequence: 1 },
    { orgCode: '330302001', terminal: '1', date: '2026-11-27', sequence: 1 },
    { orgCode: '330302001', terminal: '01', date: '2026-02-29', sequence: 1 },
    { orgCode: '330302001', terminal: '01', date: '2026-11-27', sequence: 0 },
    { orgCode: '330302001', terminal: '01', date: '2026-11-27', sequence: 10000 },
    { orgCode: '330302001', terminal: '01', date: '2026-11-27', sequence: 1.5 },
  ])('refuses to format %j', (parts) => {
    expect(() => formatCaseNumber(parts)).toThrow(RangeError);
  });

  it.each([
    '330302001-01-20261127-001',
    '330302001-01-20261127-0000',
    '330302001-01-20261131-0001',
    '330302001-A1-20261127-0001',
    '3303020-01-20261127-0001',
    '330302001 01 20261127 0001',
    '',
  ])('does not parse %j', (text) => {
    expect(parseCaseNumber(text)).toBeNull();
    expect(caseNumberSchema.safeParse(text).success).toBe(false);
  });
});

describe('partial search', () => {
  it('keys a number by its digits', () => {
    expect(caseNumberSearchKey('330302001-01-20261127-0001')).toBe('33030200101202611270001');
  });

  it.each([
    ['20261127-0001', '202611270001'],
    ['20261127 0001', '202611270001'],
    ['２０２６１１２７－０００１', '202611270001'],
    [' 0001 ', '0001'],
    ['330302001-01-20261127-0001', '33030200101202611270001'],
    ['1127', '1127'],
    ['127', null],
    ['张三', null],
    ['330302 张', null],
    ['', null],
  ])('%j → %j', (query, key) => {
    expect(normaliseCaseNumberQuery(query)).toBe(key);
  });

  it('finds a number by any fragment typed in any of these ways', () => {
    const key = caseNumberSearchKey('330302001-01-20261127-0001');
    for (const query of ['20261127-0001', '1127 0001', '01-2026', '330302001']) {
      expect(key).toContain(normaliseCaseNumberQuery(query));
    }
  });
});
