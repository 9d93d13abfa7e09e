import { describe, expect, it } from 'vitest';
import {
  checkOutcome,
  isPowerOfAttorney,
  missingRequired,
  type ChecklistEntry,
  type MaterialStatus,
} from './checklist';

const always = (status: MaterialStatus): ChecklistEntry => ({
  name: '申请人居民身份证',
  required: true,
  condition: null,
  status,
});
const conditional = (status: MaterialStatus): ChecklistEntry => ({
  name: '授权委托书',
  required: true,
  condition: '委托他人办理的',
  status,
});
const optional = (status: MaterialStatus): ChecklistEntry => ({
  name: '近期一寸照片',
  required: false,
  condition: null,
  status,
});

describe('missingRequired', () => {
  it.each([
    ['always-required, received', always('received'), false],
    ['always-required, missing', always('missing'), true],
    // Its situation always applies: marking it not applicable does not make it arrive.
    ['always-required, not applicable', always('not_applicable'), true],
    ['conditional, received', conditional('received'), false],
    ['conditional, missing', conditional('missing'), true],
    ['conditional, situation does not apply', conditional('not_applicable'), false],
    ['optional, missing', optional('missing'), false],
    ['optional, not applicable', optional('not_applicable'), false],
  ])('%s → missing: %s', (_, entry, missing) => {
    expect(missingRequired([entry])).toEqual(missing ? [entry] : []);
  });
});

describe('checkOutcome', () => {
  const complete = [always('received'), conditional('not_applicable'), optional('missing')];
  const incomplete = [always('missing'), conditional('missing'), optional('received')];

  it('accepts only a complete checklist', () => {
    expect(checkOutcome('complete', complete).ok).toBe(true);
    expect(checkOutcome('complete', incomplete)).toEqual({
      ok: false,
      error: {
        code: 'MATERIALS_INCOMPLETE',
        message: '材料不齐，不能受理。尚缺：申请人居民身份证、授权委托书',
      },
    });
  });

  it('issues a one-time notice only when something is missing', () => {
    expect(checkOutcome('incomplete', incomplete).ok).toBe(true);
    const refusal = checkOutcome('incomplete', complete);
    expect(refusal.ok ? null : refusal.error.code).toBe('NOTHING_MISSING');
  });

  it('refuses an application whatever the materials', () => {
    expect(checkOutcome('not_ours', incomplete).ok).toBe(true);
    expect(checkOutcome('not_ours', complete).ok).toBe(true);
  });
});

describe('isPowerOfAttorney', () => {
  it.each([
    ['授权委托书', true],
    ['委托书', true],
    ['受托人居民身份证', false],
  ])('%s → %s', (name, expected) => {
    expect(isPowerOfAttorney(name)).toBe(expected);
  });
});
