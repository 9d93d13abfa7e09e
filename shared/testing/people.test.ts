import { describe, expect, it } from 'vitest';
import { parseResidentId } from '../domain/identity/resident-id';
import { YONGJIA_AREA } from './org-units';
import { IDS, residentIdNumber } from './people';

const TODAY = '2026-11-27';

describe('the test people’s ID numbers', () => {
  it.each(Object.entries(IDS))('%s: %s passes the rules a form applies', (_name, number) => {
    expect(parseResidentId(number, TODAY).ok).toBe(true);
  });

  it.each([
    ['1956-03-08', 22, '33032419560308022X'],
    ['1990-01-01', 123, '330324199001011233'],
  ] as const)('born %s, sequence %i: %s', (birthDate, sequence, expected) => {
    expect(residentIdNumber(YONGJIA_AREA, birthDate, sequence)).toBe(expected);
    expect(parseResidentId(expected, TODAY).ok).toBe(true);
  });
});
