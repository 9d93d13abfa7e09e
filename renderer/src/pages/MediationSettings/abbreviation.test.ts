import { describe, expect, it } from 'vitest';
import { abbreviationFormSchema, sampleCaseNumber } from './abbreviation';

describe('case-number abbreviation form', () => {
  it('accepts an empty field (derived) and Han characters, refuses the rest in Chinese', () => {
    expect(abbreviationFormSchema.safeParse({ abbreviation: '' }).success).toBe(true);
    expect(abbreviationFormSchema.safeParse({ abbreviation: '鹿五马' }).success).toBe(true);
    const latin = abbreviationFormSchema.safeParse({ abbreviation: 'LC1' });
    expect(latin.success).toBe(false);
    expect(latin.error?.issues.map((issue) => issue.message).join()).toContain('汉字');
    expect(abbreviationFormSchema.safeParse({ abbreviation: '五马人调' }).success).toBe(false);
  });

  it('shows the first number of the year, or nothing for an unusable abbreviation', () => {
    expect(sampleCaseNumber('鹿五马', 2026)).toBe('（2026）鹿五马人调字第1号');
    expect(sampleCaseNumber('鹿A区', 2026)).toBeNull();
    expect(sampleCaseNumber('', 2026)).toBeNull();
  });
});
