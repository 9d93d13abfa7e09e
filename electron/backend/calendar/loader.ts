import type { HolidayCalendar } from '@shared/domain/calendar/working-days';
import { listCalendarYears } from './repository';
import type { Db } from '../db/queryable';

/** The domain calendar as the table holds it now; services reach it through the runtime's cache. */
export async function loadCalendar(db: Db): Promise<HolidayCalendar> {
  const years: HolidayCalendar['years'] = {};
  for (const row of await listCalendarYears(db)) {
    years[row.year] = {
      holidays: JSON.parse(row.holidays) as string[],
      workdays: JSON.parse(row.workdays) as string[],
    };
  }
  return { years };
}
