import type { HolidayCalendarTable } from '../db/schema';
import type { Db } from '../db/queryable';

/** A few dozen rows at most, one per year: read whole. */
export async function listCalendarYears(db: Db): Promise<HolidayCalendarTable[]> {
  return db.selectFrom('holiday_calendar').selectAll().orderBy('year').execute();
}

/** A year's schedule replaces the one before it: the State Council's notice is the whole year. */
export async function putCalendarYear(db: Db, row: HolidayCalendarTable): Promise<void> {
  await db
    .insertInto('holiday_calendar')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('year').doUpdateSet({
        holidays: row.holidays,
        workdays: row.workdays,
        source: row.source,
        loaded_at: row.loaded_at,
      }),
    )
    .execute();
}
