import { describe, expect, it } from 'vitest';
import {
  divisionCodeFromOrgUnitId,
  mediationSettingsIdFromOrgUnit,
  orgUnitIdFromDivisionCode,
  serviceItemIdFromCode,
  serviceItemVersionId,
} from './natural-ids';

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

describe('hashed natural ids', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('gives a service item the same id for the same issuer and code, and another for another', () => {
    const county = serviceItemIdFromCode('330324', 'ZJ-MZ-0001');
    expect(county).toMatch(uuid);
    expect(serviceItemIdFromCode('330324', 'ZJ-MZ-0001')).toBe(county);
    expect(serviceItemIdFromCode('330324001', 'ZJ-MZ-0001')).not.toBe(county);
    expect(serviceItemIdFromCode('330324', 'ZJ-MZ-0002')).not.toBe(county);
  });

  it('numbers versions under their item and keeps the kinds apart', () => {
    const item = serviceItemIdFromCode('330324', 'ZJ-MZ-0001');
    expect(serviceItemVersionId(item, 1)).toMatch(uuid);
    expect(serviceItemVersionId(item, 2)).not.toBe(serviceItemVersionId(item, 1));
    const unit = orgUnitIdFromDivisionCode('330324001');
    expect(mediationSettingsIdFromOrgUnit(unit)).toMatch(uuid);
    expect(mediationSettingsIdFromOrgUnit(unit)).not.toBe(serviceItemVersionId(unit, 1));
  });
});
