import { describe, expect, it } from 'vitest';
import '../setup/dayjs';
import { formatPaperDate } from './paper-date';

describe('formatPaperDate', () => {
  it('writes a plain date without leading zeros', () => {
    expect(formatPaperDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('reads an instant in Beijing time, so a late-evening UTC time is the next day', () => {
    expect(formatPaperDate('2026-11-26T17:30:00.000Z')).toBe('2026年11月27日');
  });

  it('leaves blanks to fill in by hand when there is no date', () => {
    expect(formatPaperDate(null)).toBe('    年  月  日');
  });
});
