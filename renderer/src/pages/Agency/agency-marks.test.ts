import { describe, expect, it } from 'vitest';
import { agencyMarks, appliesToAgency, attorneyPosition } from './agency-marks';

const materials = [
  { name: '申请人居民身份证', condition: null },
  { name: '残疾人证', condition: '以残疾人身份申请的' },
  { name: '授权委托书', condition: '委托他人或村（社区）代办员办理的' },
  { name: '受托人居民身份证', condition: '委托他人或村（社区）代办员办理的' },
];

describe('agency checklist marks', () => {
  it('takes the agency situation as applying and leaves other situations to the agent', () => {
    expect(materials.map(appliesToAgency)).toEqual([false, false, true, true]);
    const marks = agencyMarks(materials, [
      { status: 'missing', copiesReceived: 0 },
      { status: 'not_applicable', copiesReceived: 0 },
      { status: 'not_applicable', copiesReceived: 0 },
      { status: 'received', copiesReceived: 1 },
    ]);
    expect(marks.map((mark) => mark.status)).toEqual([
      'missing',
      'not_applicable',
      'missing',
      'received',
    ]);
  });

  it('finds the power of attorney by its name', () => {
    expect(attorneyPosition(materials)).toBe(2);
    expect(attorneyPosition(materials.slice(0, 2))).toBe(-1);
  });
});
