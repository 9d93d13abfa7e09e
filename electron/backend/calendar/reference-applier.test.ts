import { describe, expect } from 'vitest';
import { ANONYMOUS } from '../core/context';
import { counterTest as test } from '../testing/cases';
import { applyEdition } from '../testing/reference-apply';
import { COMPLETE, moveClockTo } from '../testing/township';
import { listCalendarYears } from './repository';
import { applyCalendarEdition } from './service';

/** 2027 as the State Council published it, in part: New Year and the Spring Festival. */
const YEAR_2027 = {
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workdays: ['2027-02-06'],
};

describe('the holiday calendar edition of the county', () => {
  test('counts a 2027 deadline with the new year once applied, and keeps the years it does not list', async ({
    harness: h,
    township: { clerk, residentId, itemId },
  }) => {
    const rt = h.backend.runtime;
    moveClockTo(h, '2026-12-30T01:30:00.000Z', [clerk]);
    const intake = () =>
      h.ok('cases.intake', { residentId, itemId, outcome: 'complete', materials: COMPLETE }, clerk);
    const before = await intake();
    expect(before.calendarWarning).toContain('2027年度节假日安排尚未加载');
    const yearsBefore = await listCalendarYears(rt.db);

    const summary = await applyEdition(rt, applyCalendarEdition, 'calendar', 1, {
      years: { '2027': YEAR_2027 },
    });
    expect(summary).toBe('节假日安排 1 年（新增 1、更新 0）');

    const after = await intake();
    expect(after.calendarWarning).toBeNull();
    // Five working days from Wednesday 30 December: New Year's Day no longer counts.
    expect([before.dueDate, after.dueDate]).toEqual(['2027-01-06', '2027-01-07']);
    const years = await listCalendarYears(rt.db);
    expect(years.filter((row) => row.year !== 2027)).toEqual(yearsBefore);
    expect(years.find((row) => row.year === 2027)?.source).toBe('hub');
  });

  test('applies the same edition again as a no-op, and a newer one replaces the year it lists', async ({
    harness: h,
    township: _counter,
  }) => {
    const rt = h.backend.runtime;
    await applyEdition(rt, applyCalendarEdition, 'calendar', 1, { years: { '2027': YEAR_2027 } });
    const again = await applyEdition(rt, applyCalendarEdition, 'calendar', 1, {
      years: { '2027': YEAR_2027 },
    });
    expect(again).toBe('节假日安排 1 年（新增 0、更新 0）');

    const corrected = { holidays: ['2027-01-01', '2027-01-02'], workdays: [] };
    const newer = await applyEdition(rt, applyCalendarEdition, 'calendar', 2, {
      years: { '2026': { holidays: ['2026-01-01'], workdays: [] }, '2027': corrected },
    });
    expect(newer).toBe('节假日安排 2 年（新增 0、更新 2）');
    const calendar = await rt.calendar.get(rt.db);
    expect(calendar.years[2027]).toEqual(corrected);
    expect(calendar.years[2026]).toEqual({ holidays: ['2026-01-01'], workdays: [] });
  });

  test('changes nothing, the cached calendar included, when the transaction rolls back', async ({
    harness: h,
    township: _counter,
  }) => {
    const rt = h.backend.runtime;
    const cached = await rt.calendar.get(rt.db);
    const effects: (() => void)[] = [];
    await expect(
      rt.db.transaction().execute(async (trx) => {
        await applyCalendarEdition(
          trx,
          {
            kind: 'calendar',
            countyCode: '330324',
            edition: 1,
            publishedAt: rt.stamper.nowIso(),
            payload: { years: { '2027': YEAR_2027 } },
          },
          {
            stamp: { stamper: rt.stamper, terminal: rt.terminal!, actor: ANONYMOUS },
            countyCode: '330324',
            ownUnitCode: '330324001',
            nowIso: rt.stamper.nowIso(),
            afterCommit: (effect) => effects.push(effect),
            caches: rt,
          },
        );
        throw new Error('a later edition of the same cycle failed');
      }),
    ).rejects.toThrow('a later edition');
    expect((await listCalendarYears(rt.db)).some((row) => row.year === 2027)).toBe(false);
    expect(effects).toHaveLength(1);
    expect(await rt.calendar.get(rt.db)).toBe(cached);
  });
});
