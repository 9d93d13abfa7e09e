import { describe, expect, it } from 'vitest';
import { cappedPaginationText, paginationText } from './pagination';

describe('the pagination line', () => {
  it('gives the exact total', () => {
    expect(paginationText({ from: 1, to: 20, totalRecords: 45 })).toBe('第 1–20 条，共 45 条');
    expect(cappedPaginationText(false)({ from: 21, to: 40, totalRecords: 45 })).toBe(
      '第 21–40 条，共 45 条',
    );
    expect(cappedPaginationText(undefined)({ from: 1, to: 3, totalRecords: 3 })).toBe(
      '第 1–3 条，共 3 条',
    );
  });

  it('says “超过” when the backend stopped counting at its cap', () => {
    expect(cappedPaginationText(true)({ from: 1, to: 20, totalRecords: 10000 })).toBe(
      '第 1–20 条，超过 10000 条',
    );
  });
});
