import { describe, expect, it } from 'vitest';
import shipped from '../../../resources/calendar/holidays.json';
import { addDays } from './plain-date';
import {
  addWorkingDays,
  holidayCalendarSchema,
  isWorkingDay,
  type HolidayCalendar,
  missingYearsMessage,
} from './working-days';

/** The calendar shipped in resources/, generated from chinese-days by scripts/generate-holidays.mjs. */
const calendar: HolidayCalendar = shipped;

function range(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

describe('resources/calendar/holidays.json', () => {
  it('is a valid calendar with the published years only', () => {
    expect(holidayCalendarSchema.safeParse(shipped).success).toBe(true);
    expect(Object.keys(calendar.years)).toContain('2025');
    expect(Object.keys(calendar.years)).toContain('2026');
    expect(Object.keys(calendar.years)).not.toContain('2027');
  });

  it.each(range('2025-10-01', '2025-10-08'))(
    '%s is a National Day / Mid-Autumn holiday',
    (date) => {
      expect(isWorkingDay(date, calendar)).toEqual({ working: false, known: true });
    },
  );

  it.each(['2025-09-28', '2025-10-11', '2026-02-14', '2026-02-28'])(
    '%s is a make-up working day',
    (date) => {
      expect(isWorkingDay(date, calendar)).toEqual({ working: true, known: true });
    },
  );

  it.each(range('2026-02-15', '2026-02-23'))('%s is a Spring Festival holiday', (date) => {
    expect(isWorkingDay(date, calendar)).toEqual({ working: false, known: true });
  });

  // By hand: 10-01..08 off, then 10-09 Thu (1), 10-10 Fri (2), 10-11 Sat make-up (3), 10-12 Sun off,
  // 10-13 Mon (4), 10-14 Tue (5). chinese-days' own findWorkday(5, '2025-09-30') agrees.
  it('a case accepted 2025-09-30 with 5 working days is due 2025-10-14', () => {
    expect(addWorkingDays('2025-09-30', 5, calendar)).toEqual({
      value: '2025-10-14',
      missingYears: [],
    });
  });

  // 02-14 Sat make-up (1), 02-15..23 off, 02-24 Tue (2), 02-25 Wed (3).
  it('a case accepted 2026-02-13 with 3 working days is due 2026-02-25', () => {
    expect(addWorkingDays('2026-02-13', 3, calendar)).toEqual({
      value: '2026-02-25',
      missingYears: [],
    });
  });

  it('falls back to Monday–Friday in 2027 and says so', () => {
    const due = addWorkingDays('2026-12-31', 1, calendar);
    expect(due).toEqual({ value: '2027-01-01', missingYears: [2027] });
    expect(missingYearsMessage(due.missingYears)).toBe(
      '2027年度节假日安排尚未加载，暂按周一至周五计算工作日',
    );
  });
});
