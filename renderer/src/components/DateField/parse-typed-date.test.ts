import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './parse-typed-date';

describe('parseTypedDate', () => {
  it.each([
    ['2026-11-27', '2026-11-27'],
    ['2026/1/5', '2026-01-05'],
    ['2026.11.27', '2026-11-27'],
    ['2026年11月27日', '2026-11-27'],
    [' 2026-2-28 ', '2026-02-28'],
    ['20261206', '2026-12-06'],
    ['20260230', null],
    ['2026126', null],
    ['2026-02-30', null],
    ['27/11/2026', null],
    ['', null],
  ])('reads %j as %j', (text, iso) => {
    expect(parseTypedDate(text)).toBe(iso);
  });
});
