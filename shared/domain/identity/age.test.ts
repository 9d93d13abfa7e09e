import { describe, expect, it } from 'vitest';
import { ageOn } from './age';

const TODAY = '2026-11-27';

describe('ageOn', () => {
  it.each([
    ['1980-01-01', 46],
    ['1980-11-27', 46],
    ['1980-11-28', 45],
  ])('born %s is %i on 2026-11-27', (birth, age) => {
    expect(ageOn(birth, TODAY)).toBe(age);
  });
});
