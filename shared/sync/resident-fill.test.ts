import { describe, expect, it } from 'vitest';
import { fillFromLoser } from './resident-fill';

describe('what a merged resident record leaves to its survivor', () => {
  it('takes the fields the survivor lacks and never one it holds', () => {
    expect(
      fillFromLoser(
        { name: '甲', phone: null, address: '', ethnicity: '汉族', gender: null },
        {
          name: '乙',
          phone: '13800000000',
          address: '村口 1 号',
          ethnicity: '畲族',
          gender: 'male',
        },
      ),
    ).toEqual({ phone: '13800000000', address: '村口 1 号', gender: 'male' });
  });

  it('leaves the name and document alone, and takes nothing from an empty loser', () => {
    expect(
      fillFromLoser({ name: '', doc_number: '' }, { name: '乙', doc_number: '330', phone: '' }),
    ).toEqual({});
  });
});
