import { describe, expect } from 'vitest';
import { addWorkingDays } from '@shared/domain/calendar/working-days';
import { NEW_ADMIN_PASSWORD, type Harness } from '../testing/harness';
import { test } from '../testing/fixtures';
import { putCalendarYear } from './repository';
import { calendarOf } from './service';

/** A year as the county hub sends it: only the holidays given, no working weekends. */
function putHubYear(h: Harness, year: number, holidays: string[]) {
  const rt = h.backend.runtime;
  return putCalendarYear(rt.db, {
    year,
    holidays: JSON.stringify(holidays),
    workdays: JSON.stringify([]),
    source: 'hub',
    loaded_at: rt.stamper.nowIso(),
  });
}

function signInAgain(h: Harness) {
  return h.ok('auth.signIn', { username: 'admin', password: NEW_ADMIN_PASSWORD });
}

describe('holiday calendar', () => {
  test('is seeded at setup from resources and warns that next year is not loaded', async ({
    harness: h,
    township: { admin },
  }) => {
    // The harness clock stands in 2026; the shipped data ends with 2026.
    const status = await h.ok('calendar.status', {}, admin);
    expect(status.years.map((year) => year.year)).toEqual(expect.arrayContaining([2025, 2026]));
    expect(status.years.every((year) => year.source === 'resources')).toBe(true);
    expect(status.warning).toBe('2027年度节假日安排尚未加载，暂按周一至周五计算工作日');
  });

  test('has no warning while this year and next year are loaded', async ({
    harness: h,
    township: { admin },
  }) => {
    h.clock.advance(Date.parse('2025-06-01T02:00:00.000Z') - h.clock.now());
    const status = await h.ok('calendar.status', {}, admin);
    expect(status.warning).toBeNull();
  });

  test('counts working days across the 2025 National Day holiday from the table', async ({
    harness: h,
    township: _township,
  }) => {
    const calendar = await calendarOf(h.backend.runtime);
    expect(addWorkingDays('2025-09-30', 5, calendar).value).toBe('2025-10-14');
  });

  test('adds at start the shipped years a data folder lacks, keeping the years it has', async ({
    harness: h,
    township: _township,
  }) => {
    const rt = h.backend.runtime;
    await rt.db.deleteFrom('holiday_calendar').where('year', '=', 2025).execute();
    await putHubYear(h, 2026, ['2026-01-01']);
    await h.restart();
    const status = await h.ok('calendar.status', {}, (await signInAgain(h)).token);
    const byYear = new Map(status.years.map((year) => [year.year, year.source]));
    expect(byYear.get(2025)).toBe('resources');
    expect(byYear.get(2026)).toBe('hub');
  });

  test('keeps the calendar until it is invalidated after a change', async ({
    harness: h,
    township: { admin },
  }) => {
    const rt = h.backend.runtime;
    const before = await calendarOf(rt);
    expect(await calendarOf(rt)).toBe(before);
    await putHubYear(h, 2027, ['2027-01-01']);
    expect((await calendarOf(rt)).years[2027]).toBeUndefined();
    rt.calendar.invalidate();
    expect((await calendarOf(rt)).years[2027]).toEqual({ holidays: ['2027-01-01'], workdays: [] });
    expect((await h.ok('calendar.status', {}, admin)).warning).toBeNull();
  });
});
