import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  dueDateWithPause,
  holidayCalendarSchema,
  isWorkingDay,
  missingYearsMessage,
  type HolidayCalendar,
  type Pause,
  workingDaysBetween,
} from './working-days';

// An excerpt of the 2025 schedule (National Day + Mid-Autumn) written out here so that these tests
// pin the rules, not the shipped data; 2026 and 2027 are deliberately absent.
const calendar: HolidayCalendar = {
  years: {
    2025: {
      holidays: [
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ],
      workdays: ['2025-09-28', '2025-10-11'],
    },
  },
};

describe('isWorkingDay', () => {
  it.each([
    ['2025-10-01', 'a holiday on a Wednesday', false, true],
    ['2025-10-04', 'a holiday on a Saturday', false, true],
    ['2025-09-28', 'a make-up working Sunday', true, true],
    ['2025-10-11', 'a make-up working Saturday', true, true],
    ['2025-10-12', 'an ordinary Sunday', false, true],
    ['2025-10-09', 'an ordinary Thursday', true, true],
    ['2026-01-01', 'a Thursday of a year without data', true, false],
    ['2026-01-03', 'a Saturday of a year without data', false, false],
  ])('%s, %s', (date, _what, working, known) => {
    expect(isWorkingDay(date, calendar)).toEqual({ working, known });
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-09-30', 0, '2025-09-30', []],
    ['2025-09-30', 1, '2025-10-09', []],
    ['2025-09-30', 3, '2025-10-11', []],
    ['2025-09-30', 5, '2025-10-14', []],
    ['2025-09-26', 1, '2025-09-28', []],
    ['2025-10-11', 1, '2025-10-13', []],
    ['2025-10-04', 1, '2025-10-09', []],
    ['2025-12-30', 3, '2026-01-02', [2026]],
    ['2025-12-31', 300, '2027-02-24', [2026, 2027]],
  ])('%s + %i working days = %s', (start, days, due, missingYears) => {
    expect(addWorkingDays(start, days, calendar)).toEqual({ value: due, missingYears });
  });

  it('refuses a negative or fractional count and an unchecked date', () => {
    expect(() => addWorkingDays('2025-09-30', -1, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-09-30', 1.5, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-02-30', 1, calendar)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2025-09-30', '2025-09-30', 0],
    ['2025-09-30', '2025-10-08', 0],
    ['2025-09-30', '2025-10-14', 5],
    ['2025-10-14', '2025-09-30', -5],
    ['2025-09-26', '2025-09-29', 2],
    ['2025-10-15', '2025-10-14', -1],
  ])('%s → %s: %i', (from, to, days) => {
    expect(workingDaysBetween(from, to, calendar).value).toBe(days);
  });

  it.each([1, 2, 5, 9, 20])('undoes addWorkingDays for %i days', (days) => {
    const due = addWorkingDays('2025-09-25', days, calendar).value;
    expect(workingDaysBetween('2025-09-25', due, calendar).value).toBe(days);
  });

  it('reports the years it had to guess', () => {
    expect(workingDaysBetween('2025-12-01', '2026-01-05', calendar).missingYears).toEqual([2026]);
  });
});

describe('dueDateWithPause', () => {
  it.each<[string, Pause[], string]>([
    ['no pause', [], '2025-10-14'],
    ['a pause of working days stops the clock', [['2025-10-10', '2025-10-13']], '2025-10-17'],
    ['both ends of a pause are paused', [['2025-10-09', '2025-10-09']], '2025-10-15'],
    ['a pause inside the holiday changes nothing', [['2025-10-02', '2025-10-05']], '2025-10-14'],
    ['a pause before acceptance changes nothing', [['2025-09-01', '2025-09-29']], '2025-10-14'],
    [
      'overlapping pauses count once',
      [
        ['2025-10-09', '2025-10-10'],
        ['2025-10-10', '2025-10-11'],
      ],
      '2025-10-17',
    ],
  ])('accepted 2025-09-30, 5 working days, %s', (_what, pauses, due) => {
    expect(dueDateWithPause('2025-09-30', 5, pauses, calendar).value).toBe(due);
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() =>
      dueDateWithPause('2025-09-30', 5, [['2025-10-13', '2025-10-10']], calendar),
    ).toThrow(RangeError);
  });
});

describe('missingYearsMessage', () => {
  it.each([
    [[], null],
    [[2027], '2027年度节假日安排尚未加载，暂按周一至周五计算工作日'],
    [[2027, 2028], '2027年、2028年度节假日安排尚未加载，暂按周一至周五计算工作日'],
  ])('%j → %s', (years, message) => {
    expect(missingYearsMessage(years)).toBe(message);
  });
});

describe('holidayCalendarSchema', () => {
  it('accepts a well-formed calendar', () => {
    expect(holidayCalendarSchema.safeParse(calendar).success).toBe(true);
  });

  it.each([
    ['a date of another year', { 2025: { holidays: ['2026-01-01'], workdays: [] } }],
    ['a date that is both', { 2025: { holidays: ['2025-10-11'], workdays: ['2025-10-11'] } }],
    ['an impossible date', { 2025: { holidays: ['2025-02-30'], workdays: [] } }],
    ['a year that is not four digits', { 25: { holidays: [], workdays: [] } }],
  ])('refuses %s', (_what, years) => {
    expect(holidayCalendarSchema.safeParse({ years }).success).toBe(false);
  });
});
