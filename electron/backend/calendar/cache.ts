import type { Kysely } from 'kysely';
import type { HolidayCalendar } from '@shared/domain/calendar/working-days';
import type { Database } from '../db/schema';
import { loadCalendar } from './loader';

/**
 * The calendar of one runtime, read once and kept until the table changes. It remembers which
 * database it was read from, so that a restored backup (a new handle) is read afresh.
 */
export class CalendarCache {
  private entry: { db: Kysely<Database>; calendar: Promise<HolidayCalendar> } | null = null;

  get(db: Kysely<Database>): Promise<HolidayCalendar> {
    if (this.entry?.db !== db) {
      const calendar = loadCalendar(db);
      const entry = { db, calendar };
      this.entry = entry;
      // A failed read is not kept: the next call tries again.
      calendar.catch(() => {
        if (this.entry === entry) this.entry = null;
      });
    }
    return this.entry.calendar;
  }

  /** Call after the commit that changed holiday_calendar. */
  invalidate(): void {
    this.entry = null;
  }
}
