import { describe, expect, it } from 'vitest';
import { periodLabel } from './stats-period';

describe('periodLabel', () => {
  it('names quarters and years in Chinese and leaves days and months as they are', () => {
    expect(periodLabel('2026-Q4')).toBe('2026年第4季度');
    expect(periodLabel('2026')).toBe('2026年');
    expect(periodLabel('2026-11')).toBe('2026-11');
    expect(periodLabel('2026-11-27')).toBe('2026-11-27');
  });
});
