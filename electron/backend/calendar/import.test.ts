import { describe, expect } from 'vitest';
import { counterTest as test } from '../testing/cases';
import { recordJoinWithoutHub } from '../testing/reference-apply';
import { COMPLETE, moveClockTo } from '../testing/township';
import { listCalendarYears } from './repository';

/** 2027 as the State Council published it, in part: New Year and the Spring Festival. */
const YEAR_2027 = {
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workdays: ['2027-02-06'],
};

function file(content: unknown, fileName = '2027年节假日安排.json') {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return { fileName, base64: Buffer.from(text, 'utf8').toString('base64') };
}

describe('loading a new year’s holiday schedule from a file', () => {
  test('counts working days with the new year at once, and says what it loaded', async ({
    harness: h,
    township: { admin, clerk, residentId, itemId },
  }) => {
    moveClockTo(h, '2026-12-30T01:30:00.000Z', [admin, clerk]);
    const intake = () =>
      h.ok('cases.intake', { residentId, itemId, outcome: 'complete', materials: COMPLETE }, clerk);
    const before = await intake();
    expect(before.calendarWarning).toContain('2027年度节假日安排尚未加载');

    const loaded = await h.ok(
      'calendar.importYears',
      file({ years: { '2027': YEAR_2027 } }),
      admin,
    );
    expect(loaded).toEqual({ years: [2027], added: 1, changed: 0 });

    const after = await intake();
    expect(after.calendarWarning).toBeNull();
    expect([before.dueDate, after.dueDate]).toEqual(['2027-01-06', '2027-01-07']);
    const row = (await listCalendarYears(h.backend.runtime.db)).find((r) => r.year === 2027);
    expect(row?.source).toBe('import');
    const audit = await h.ok(
      'audit.list',
      { page: 1, pageSize: 5, action: 'calendar.importYears' },
      admin,
    );
    expect(audit.rows[0]?.detail).toBe(
      '从文件 2027年节假日安排.json 载入 2027 年节假日安排（新增 1 年、更新 0 年）',
    );
    // The same file again changes nothing.
    expect(
      await h.ok('calendar.importYears', file({ years: { '2027': YEAR_2027 } }), admin),
    ).toEqual({ years: [2027], added: 0, changed: 0 });
  });

  test('refuses a file that is not a schedule, or a date in the wrong year, keeping what was there', async ({
    harness: h,
    township: { admin },
  }) => {
    const yearsBefore = await listCalendarYears(h.backend.runtime.db);
    expect(await h.code('calendar.importYears', file('不是 JSON'), admin)).toBe(
      'CALENDAR_FILE_INVALID',
    );
    expect(await h.code('calendar.importYears', file({ years: {} }), admin)).toBe(
      'CALENDAR_FILE_INVALID',
    );
    const wrongYear = await h.call(
      'calendar.importYears',
      file({ years: { '2027': { holidays: ['2028-01-01'], workdays: [] } } }),
      admin,
    );
    expect(wrongYear.ok ? null : wrongYear.error.code).toBe('CALENDAR_FILE_INVALID');
    expect(await listCalendarYears(h.backend.runtime.db)).toEqual(yearsBefore);
  });

  test('is refused at a township joined to the county hub, whose schedule comes from the county', async ({
    harness: h,
    township: { admin },
  }) => {
    await recordJoinWithoutHub(h);
    const refused = await h.call(
      'calendar.importYears',
      file({ years: { '2027': YEAR_2027 } }),
      admin,
    );
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'CALENDAR_FROM_COUNTY',
      message: expect.stringContaining('节假日安排由县级中心统一发布'),
    });
  });
});
