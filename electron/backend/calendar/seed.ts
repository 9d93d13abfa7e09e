import type { Transaction } from 'kysely';
import { holidayCalendarSchema } from '@shared/domain/calendar/working-days';
import shipped from '../../../resources/calendar/holidays.json';
import type { Database } from '../db/schema';
import { putCalendarYear } from './repository';

/**
 * Loads the schedules shipped in resources/ into holiday_calendar, inside the setup transaction.
 * Parsed on use: shipped data is still input, and a broken file must fail setup, not half-load.
 */
export async function seedHolidayCalendar(trx: Transaction<Database>, loadedAt: string) {
  const calendar = holidayCalendarSchema.parse(shipped);
  for (const [year, { holidays, workdays }] of Object.entries(calendar.years)) {
    await putCalendarYear(trx, {
      year: Number(year),
      holidays: JSON.stringify(holidays),
      workdays: JSON.stringify(workdays),
      source: 'resources',
      loaded_at: loadedAt,
    });
  }
}
