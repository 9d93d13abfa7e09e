import { describe, expect, it } from 'vitest';
import { divisionCodeFromOrgUnitId, orgUnitIdFromDivisionCode } from './natural-ids';

describe('orgUnitIdFromDivisionCode', () => {
  it.each([
    ['330324', '00000000-0000-8000-8006-330324000000'],
    ['330324001', '00000000-0000-8000-8009-330324001000'],
    ['330324001001', '00000000-0000-8000-8012-330324001001'],
  ])('%s → %s and back', (code, id) => {
    expect(orgUnitIdFromDivisionCode(code)).toBe(id);
    expect(divisionCodeFromOrgUnitId(id)).toBe(code);
  });

  it('keeps a township apart from a village whose code pads to the same digits', () => {
    expect(orgUnitIdFromDivisionCode('330324001')).not.toBe(
      orgUnitIdFromDivisionCode('330324001000'),
    );
  });

  it.each(['33032', '3303240011', 'abcdef', ''])('refuses %j', (code) => {
    expect(() => orgUnitIdFromDivisionCode(code)).toThrow();
  });

  it('reads no code out of other ids', () => {
    expect(divisionCodeFromOrgUnitId('0190a3c4-0000-7000-8000-000000000000')).toBeNull();
    expect(divisionCodeFromOrgUnitId('00000000-0000-8000-8006-330324000001')).toBeNull();
  });
});
