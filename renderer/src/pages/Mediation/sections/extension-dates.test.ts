import { describe, expect, it } from 'vitest';
import { earliestExtendedDueDate } from './extension-dates';

describe('earliestExtendedDueDate', () => {
  it('is the day after the due date while the case is on time', () => {
    expect(earliestExtendedDueDate('2026-12-27', '2026-11-28')).toBe('2026-12-28');
  });

  it('is today once the case is overdue, as the backend refuses an earlier date', () => {
    expect(earliestExtendedDueDate('2026-11-20', '2026-11-28')).toBe('2026-11-28');
  });
});
