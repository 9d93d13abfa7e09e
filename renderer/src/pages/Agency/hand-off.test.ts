import { describe, expect, it } from 'vitest';
import { handedOverLate } from './hand-off';

describe('handedOverLate', () => {
  it('counts the whole limit day in Beijing time', () => {
    const due = { handoffDueDate: '2026-11-06' };
    // 23:59 on the 6th in Beijing.
    expect(handedOverLate({ ...due, handedOverAt: '2026-11-06T15:59:00.000Z' })).toBe(false);
    // 00:00 on the 7th in Beijing.
    expect(handedOverLate({ ...due, handedOverAt: '2026-11-06T16:00:00.000Z' })).toBe(true);
  });

  it('says nothing of a case not handed over or without a limit', () => {
    expect(handedOverLate({ handoffDueDate: '2026-11-06', handedOverAt: null })).toBe(false);
    expect(handedOverLate({ handoffDueDate: null, handedOverAt: '2026-11-06T16:00:00.000Z' })).toBe(
      false,
    );
  });
});
