import { addDays, shanghaiDate } from '@shared/domain/calendar/plain-date';
import {
  addWorkingDays,
  isWorkingDay,
  type HolidayCalendar,
} from '@shared/domain/calendar/working-days';
import type { Random } from './random';

const MINUTE_MS = 60_000;
/** 08:30 in Asia/Shanghai is 00:30 UTC; the counter closes at 17:00 (09:00 UTC). */
const OPENS_UTC_MINUTES = 30;
const OPEN_MINUTES = 8 * 60 + 30;

/** An instant during office hours of `date` (Asia/Shanghai). */
export function officeInstant(random: Random, date: string): number {
  return (
    Date.parse(`${date}T00:00:00.000Z`) +
    (OPENS_UTC_MINUTES + random.int(0, OPEN_MINUTES)) * MINUTE_MS
  );
}

/** The working days of [first, last] on the holiday calendar (Monday–Friday where a year has none). */
export function workingDays(first: string, last: string, calendar: HolidayCalendar): string[] {
  const days: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    if (isWorkingDay(date, calendar).working) days.push(date);
  }
  return days;
}

/**
 * addWorkingDays, remembered: a million stories ask for the same few thousand (date, days) pairs,
 * and the answer depends on nothing else.
 */
export class WorkingDays {
  private readonly known = new Map<string, string>();

  constructor(readonly calendar: HolidayCalendar) {}

  after(date: string, days: number): string {
    const key = `${date}+${days}`;
    let answer = this.known.get(key);
    if (answer === undefined) {
      answer = addWorkingDays(date, days, this.calendar).value;
      this.known.set(key, answer);
    }
    return answer;
  }
}

/**
 * When the next step of a story happens: `days` working days after `fromMs`, during office hours;
 * 0 days is the same day, a little later.
 */
export function later(random: Random, days: WorkingDays, fromMs: number, count: number): number {
  if (count === 0) return fromMs + random.int(2, 90) * MINUTE_MS;
  return officeInstant(random, days.after(shanghaiDate(fromMs), count));
}
