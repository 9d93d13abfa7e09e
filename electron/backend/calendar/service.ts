import type { MethodOutput } from '@shared/api';
import { shanghaiDate, yearOf } from '@shared/domain/calendar/plain-date';
import { missingYearsMessage, type HolidayCalendar } from '@shared/domain/calendar/working-days';
import type { Runtime } from '../core/runtime';
import { listCalendarYears } from './repository';

// The bench's generator dates its cases by the calendar as stored.
export { loadCalendar } from './loader';
export { applyCalendarEdition } from './reference-applier';

/** The working-day calendar of this runtime, cached until holiday_calendar changes. */
export function calendarOf(rt: Runtime): Promise<HolidayCalendar> {
  return rt.calendar.get(rt.db);
}

/** The warning for dates that fall in years without a schedule (Monday–Friday fallback). */
export function calendarWarning(
  calendar: HolidayCalendar,
  dates: readonly string[],
): string | null {
  const missing = new Set(dates.map(yearOf).filter((year) => !calendar.years[year]));
  return missingYearsMessage([...missing].sort((a, b) => a - b));
}

/** Which years are loaded; warns while this year's or next year's schedule is missing. */
export async function calendarStatus(rt: Runtime): Promise<MethodOutput<'calendar.status'>> {
  const rows = await listCalendarYears(rt.db);
  const thisYear = yearOf(shanghaiDate(rt.stamper.clock.now()));
  const loaded = new Set(rows.map((row) => row.year));
  const missing = [thisYear, thisYear + 1].filter((year) => !loaded.has(year));
  return {
    years: rows.map((row) => ({ year: row.year, source: row.source, loadedAt: row.loaded_at })),
    warning: missingYearsMessage(missing),
  };
}
