import { z } from 'zod';
import {
  addDays,
  dayOfWeek,
  fromDayNumber,
  isoDateSchema,
  toDayNumber,
  yearOf,
} from './plain-date';

/**
 * The working-day calendar is data: the State Council publishes each year's holidays and make-up
 * working days (调休) late in the year before, so the schedule ships in resources/calendar and is
 * replaceable from the hub. A year without data falls back to Monday–Friday, and every answer says
 * which years that happened for so that the UI can warn.
 */

interface HolidayYear {
  /** Days off, weekends inside a holiday period included. */
  holidays: string[];
  /** Weekend days that are working days (调休). */
  workdays: string[];
}

export interface HolidayCalendar {
  years: Record<number, HolidayYear>;
}

/** For a calendar that arrives from the hub or a file: each date belongs to its year, none is both. */
export const holidayCalendarSchema = z
  .object({
    years: z.record(
      z.string().regex(/^\d{4}$/),
      z.object({ holidays: z.array(isoDateSchema), workdays: z.array(isoDateSchema) }),
    ),
  })
  .superRefine((calendar, ctx) => {
    for (const [year, { holidays, workdays }] of Object.entries(calendar.years)) {
      for (const date of [...holidays, ...workdays]) {
        if (!date.startsWith(`${year}-`)) {
          ctx.addIssue({
            code: 'custom',
            message: `${date} 不属于 ${year} 年`,
            path: ['years', year],
          });
        }
      }
      for (const date of holidays.filter((day) => workdays.includes(day))) {
        ctx.addIssue({
          code: 'custom',
          message: `${date} 既是假日又是调休工作日`,
          path: ['years', year],
        });
      }
    }
  });

interface WorkingDay {
  working: boolean;
  /** false: the year has no schedule and the answer is plain Monday–Friday. */
  known: boolean;
}

/** An answer that may rest on years without a schedule, listed ascending. */
export interface Counted<T> {
  value: T;
  missingYears: number[];
}

/** The day the clock stops and the day it restarts, both inclusive, e.g. waiting for 补正. */
export type Pause = readonly [from: string, to: string];

export function isWorkingDay(date: string, calendar: HolidayCalendar): WorkingDay {
  const weekday = dayOfWeek(date);
  const year = calendar.years[yearOf(date)];
  if (!year) return { working: weekday >= 1 && weekday <= 5, known: false };
  if (year.workdays.includes(date)) return { working: true, known: true };
  if (year.holidays.includes(date)) return { working: false, known: true };
  return { working: weekday >= 1 && weekday <= 5, known: true };
}

/** The text the UI shows when an answer rests on the Monday–Friday fallback. */
export function missingYearsMessage(missingYears: readonly number[]): string | null {
  if (missingYears.length === 0) return null;
  return `${missingYears.map((year) => `${year}年`).join('、')}度节假日安排尚未加载，暂按周一至周五计算工作日`;
}

/**
 * The `days`-th working day after `start`, skipping paused days. The start day never counts: a case
 * accepted today has its first working day tomorrow or later. With 0 days the answer is `start` itself
 * (a 即办件 is due the day it is taken in).
 */
export function dueDateWithPause(
  start: string,
  days: number,
  pauses: readonly Pause[],
  calendar: HolidayCalendar,
): Counted<string> {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`working days must be 0 or more: ${days}`);
  }
  for (const [from, to] of pauses) {
    if (toDayNumber(from) > toDayNumber(to)) {
      throw new RangeError(`pause ends before it starts: ${from}..${to}`);
    }
  }
  const missing = new Set<number>();
  let date = start;
  let counted = 0;
  while (counted < days) {
    date = addDays(date, 1);
    const day = isWorkingDay(date, calendar);
    if (!day.known) missing.add(yearOf(date));
    // ISO dates compare as strings in calendar order.
    const paused = pauses.some(([from, to]) => from <= date && date <= to);
    if (day.working && !paused) counted += 1;
  }
  return { value: date, missingYears: ascending(missing) };
}

export function addWorkingDays(
  start: string,
  days: number,
  calendar: HolidayCalendar,
): Counted<string> {
  return dueDateWithPause(start, days, [], calendar);
}

/**
 * Working days after `from` up to and including `to`, so that addWorkingDays(from, n) = to gives n.
 * Negative when `to` is earlier: how many working days late a deadline has become.
 */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: HolidayCalendar,
): Counted<number> {
  const [start, end] = [toDayNumber(from), toDayNumber(to)];
  const [first, last] = start <= end ? [start, end] : [end, start];
  const missing = new Set<number>();
  let count = 0;
  for (let dayNumber = first + 1; dayNumber <= last; dayNumber += 1) {
    const date = fromDayNumber(dayNumber);
    const day = isWorkingDay(date, calendar);
    if (!day.known) missing.add(yearOf(date));
    if (day.working) count += 1;
  }
  return { value: start <= end ? count : -count, missingYears: ascending(missing) };
}

function ascending(years: Set<number>): number[] {
  return [...years].sort((a, b) => a - b);
}
