import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../calendar/working-days';
import {
  followUpDueDate,
  isBadRating,
  RATING_LEVELS,
  ratingCommentSchema,
  ratingLevelSchema,
  RATINGS,
} from './rating';

describe('rating levels', () => {
  it.each([
    ['very_satisfied', '非常满意', 5, false],
    ['satisfied', '满意', 4, false],
    ['basically_satisfied', '基本满意', 3, false],
    ['dissatisfied', '不满意', 2, true],
    ['very_dissatisfied', '非常不满意', 1, true],
  ] as const)('%s is %s, score %i, bad %s', (level, label, score, bad) => {
    expect(RATINGS[level]).toEqual({ label, score, bad });
    expect(isBadRating(level)).toBe(bad);
  });

  it('orders the levels from best to worst', () => {
    expect(RATING_LEVELS.map((level) => RATINGS[level].score)).toEqual([5, 4, 3, 2, 1]);
  });

  it('accepts no level outside the five, and no clerk default', () => {
    expect(ratingLevelSchema.safeParse('neutral').success).toBe(false);
    expect(ratingLevelSchema.safeParse(undefined).success).toBe(false);
  });

  it('limits the comment', () => {
    expect(ratingCommentSchema.safeParse('办事很快'.repeat(125)).success).toBe(true);
    expect(ratingCommentSchema.safeParse('办事很快'.repeat(125) + '。').success).toBe(false);
  });
});

describe('followUpDueDate', () => {
  const calendar: HolidayCalendar = {
    years: {
      2025: {
        holidays: [
          '2025-10-01',
          '2025-10-02',
          '2025-10-03',
          '2025-10-04',
          '2025-10-05',
          '2025-10-06',
          '2025-10-07',
          '2025-10-08',
        ],
        workdays: ['2025-09-28', '2025-10-11'],
      },
    },
  };

  it.each([
    // Mon 2025-09-01 + 15 working days of plain weeks: Mon 2025-09-22.
    ['2025-09-01', '2025-09-22'],
    // From Fri 09-26: 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10, 10-11 (make-up Saturday),
    // then 10-13…10-17 and 10-20…10-23 make 15.
    ['2025-09-26', '2025-10-23'],
  ])('rated %s, follow-up due %s', (ratedOn, due) => {
    expect(followUpDueDate(ratedOn, calendar)).toEqual({ value: due, missingYears: [] });
  });
});
