import { z } from 'zod';
import { addWorkingDays, type Counted, type HolidayCalendar } from '../calendar/working-days';
import type { CaseState } from './case-workflow';

/**
 * 好差评: one rating per visit, given by the resident on a screen the clerk turns toward them, in the
 * five levels of the national government-service rating scheme. The two bad levels each open a
 * follow-up for the supervisor, to be closed with a recorded call-back within 15 working days.
 */

export const RATING_LEVELS = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const;
export const ratingLevelSchema = z.enum(RATING_LEVELS);
export type RatingLevel = z.infer<typeof ratingLevelSchema>;

export const RATINGS: Record<RatingLevel, { label: string; score: number; bad: boolean }> = {
  very_satisfied: { label: '非常满意', score: 5, bad: false },
  satisfied: { label: '满意', score: 4, bad: false },
  basically_satisfied: { label: '基本满意', score: 3, bad: false },
  dissatisfied: { label: '不满意', score: 2, bad: true },
  very_dissatisfied: { label: '非常不满意', score: 1, bad: true },
};

/** A visit has something to rate once it produced a result, a notice or an acceptance. */
export const RATEABLE_STATES: readonly CaseState[] = [
  'accepted',
  'processing',
  'completed',
  'rejected',
  'pending_supplement',
];

const RATING_COMMENT_MAX_LENGTH = 500;
export const ratingCommentSchema = z
  .string()
  .trim()
  .max(RATING_COMMENT_MAX_LENGTH, `评价内容不超过 ${RATING_COMMENT_MAX_LENGTH} 个字`);

export const BAD_RATING_FOLLOW_UP_WORKING_DAYS = 15;

export function isBadRating(level: RatingLevel): boolean {
  return RATINGS[level].bad;
}

/** Counted like every other limit: from the working day after the rating. */
export function followUpDueDate(ratedOn: string, calendar: HolidayCalendar): Counted<string> {
  return addWorkingDays(ratedOn, BAD_RATING_FOLLOW_UP_WORKING_DAYS, calendar);
}
