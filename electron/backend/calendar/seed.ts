import type { Kysely, Transaction } from 'kysely';
import { holidayCalendarSchema } from '@shared/domain/calendar/working-days';
import shipped from '../../../resources/calendar/holidays.json';
import type { Database } from '../db/schema';
import { listCalendarYears, putCalendarYear } from './repository';

/**
 * Loads the schedules shipped in resources/ into holiday_calendar, inside the setup transaction.
 * Parsed on use: shipped data is still input, and a broken file must fail setup, not half-load.
 */
export async function seedHolidayCalendar(trx: Transaction<Database>, loadedAt: string) {
  await putShippedYears(trx, loadedAt, new Set());
}

/**
 * At every start, adds the shipped years the table lacks: a data folder set up by an older version,
 * or an update that ships a newly published year. A year already there is kept, because it may
 * have come from the hub since.
 */
export async function addMissingShippedYears(db: Kysely<Database>, loadedAt: string) {
  const present = new Set((await listCalendarYears(db)).map((row) => row.year));
  await db.transaction().execute((trx) => putShippedYears(trx, loadedAt, present));
}

async function putShippedYears(
  trx: Transaction<Database>,
  loadedAt: string,
  skip: ReadonlySet<number>,
) {
  const calendar = holidayCalendarSchema.parse(shipped);
  for (const [year, { holidays, workdays }] of Object.entries(calendar.years)) {
    if (skip.has(Number(year))) continue;
    await putCalendarYear(trx, {
      year: Number(year),
      holidays: JSON.stringify(holidays),
      workdays: JSON.stringify(workdays),
      source: 'resources',
      loaded_at: loadedAt,
    });
  }
}
