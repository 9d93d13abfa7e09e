import { describe, expect, it } from 'vitest';
import { searchProblem } from './residents-search';

describe('searchProblem', () => {
  it.each([
    ['12', '按证件号码或电话查找请至少输入 3 位'],
    ['1 2', '按证件号码或电话查找请至少输入 3 位'],
    ['１２', '按证件号码或电话查找请至少输入 3 位'],
    ['123', null],
    ['张', null],
    ['zs', null],
    ['', null],
  ])('%j → %j', (query, expected) => {
    expect(searchProblem(query)).toBe(expected);
  });
});
