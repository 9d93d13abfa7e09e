import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFee, formatFen, yuanToFen } from './money';

describe('money', () => {
  it.each([
    [12_000, 1_200_000],
    ['0.1', 10],
    [0.29, 29],
    [19.99, 1999],
    ['', null],
    [null, null],
  ])('reads %s yuan as %s fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it('writes fen as yuan with thousands separators', () => {
    expect(formatFen(1_200_000)).toBe('12,000.00 元');
    expect(formatFen(5)).toBe('0.05 元');
    expect(formatFen(null)).toBe('—');
    expect(fenToYuan(1999)).toBe(19.99);
    expect(fenToYuan(null)).toBe('');
  });

  it('writes a fee of nothing as 免费', () => {
    expect(formatFee(0)).toBe('免费');
    expect(formatFee(1000)).toBe('10.00 元');
  });
});
