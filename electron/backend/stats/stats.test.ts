import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import type { MethodInput } from '@shared/api';
import { fileTest } from '../testing/fixtures';
import { novemberAtWuma } from '../testing/stats-scene';

/** The counter figures, as the administrator asks for them. */
const test = fileTest.extend(
  'counter',
  { scope: 'file' },
  ({ harness: h, township: { admin } }) => {
    return (input: MethodInput<'stats.counter'>) => h.ok('stats.counter', input, admin);
  },
);

let village: string;
let items: { jiuzhu: string; dibao: string };

test.beforeAll(async ({ harness, township }) => {
  ({ village, items } = await novemberAtWuma(
    harness.backend.runtime.db,
    township.setup.orgUnit.id,
  ));
}, 60_000);

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

const TOTALS = {
  takenIn: 5,
  accepted: 3,
  completed: 3,
  completedOnTime: 2,
  overdue: 1,
  supplement: 2,
  rejected: 1,
};

describe('stats.counter', () => {
  test('counts the cases taken in during November by what became of them', async ({ counter }) => {
    const result = await counter(NOVEMBER);
    expect(result.totals).toEqual({ ...TOTALS, onTimeRate: 2 / 3 });
  });

  test('splits the counts by item, the busiest first', async ({ counter }) => {
    const { byItem } = await counter(NOVEMBER);
    expect(byItem).toEqual([
      {
        itemId: items.dibao,
        itemName: '最低生活保障申请',
        takenIn: 3,
        accepted: 1,
        completed: 1,
        completedOnTime: 0,
        overdue: 1,
        supplement: 2,
        rejected: 1,
        onTimeRate: 0,
      },
      {
        itemId: items.jiuzhu,
        itemName: '临时救助申请',
        takenIn: 2,
        accepted: 2,
        completed: 2,
        completedOnTime: 2,
        overdue: 0,
        supplement: 0,
        rejected: 0,
        onTimeRate: 1,
      },
    ]);
  });

  test.for([
    ['day', ['2026-11-02', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-27']],
    ['month', ['2026-11']],
    ['quarter', ['2026-Q4']],
    ['year', ['2026']],
  ] as const)('groups by %s on Shanghai dates', async ([period, expected], { counter }) => {
    const { byPeriod } = await counter({ ...NOVEMBER, period });
    expect(byPeriod.map((row) => row.period)).toEqual(expected);
    expect(byPeriod.reduce((sum, row) => sum + row.takenIn, 0)).toBe(5);
  });

  test('counts agency cases by village with the hand-offs made after their limit day', async ({
    counter,
  }) => {
    const { agencyByVillage } = await counter(NOVEMBER);
    expect(agencyByVillage).toEqual([
      { orgUnitId: village, villageName: '蝉街社区', cases: 2, handedOverLate: 1 },
    ]);
  });

  test('gives the 好差评 distribution and the bad-rating follow-up rate', async ({ counter }) => {
    const result = await counter(NOVEMBER);
    expect(result.ratings).toEqual([
      { level: 'very_satisfied', count: 1 },
      { level: 'satisfied', count: 1 },
      { level: 'basically_satisfied', count: 0 },
      { level: 'dissatisfied', count: 1 },
      { level: 'very_dissatisfied', count: 1 },
    ]);
    expect(result).toMatchObject({ badRatings: 2, followupsDone: 1, followupRate: 0.5 });
  });

  test('takes in the case of 23:59 on 31 October only in October', async ({ counter }) => {
    const october = await counter({ from: '2026-10-01', to: '2026-10-31' });
    expect(october.totals).toMatchObject({ takenIn: 1, accepted: 1, overdue: 1 });
    expect(october.totals.onTimeRate).toBeNull();
    expect(october).toMatchObject({ badRatings: 1, followupsDone: 0, followupRate: 0 });
  });

  test('answers with empty counts and no rates for a period without cases', async ({ counter }) => {
    const empty = await counter({ from: '2025-01-01', to: '2025-01-31' });
    expect(empty.totals).toEqual({
      takenIn: 0,
      accepted: 0,
      completed: 0,
      completedOnTime: 0,
      overdue: 0,
      supplement: 0,
      rejected: 0,
      onTimeRate: null,
    });
    expect(empty.followupRate).toBeNull();
  });

  test('narrows every figure to one item, ratings by their case’s item', async ({ counter }) => {
    const result = await counter({ ...NOVEMBER, itemId: items.jiuzhu });
    expect(result.totals).toMatchObject({ takenIn: 2, completed: 2, completedOnTime: 2 });
    expect(result.byItem.map((row) => row.itemName)).toEqual(['临时救助申请']);
    expect(result.byPeriod).toMatchObject([{ period: '2026-11', takenIn: 2 }]);
    expect(result.agencyByVillage).toMatchObject([{ villageName: '蝉街社区', cases: 2 }]);
    expect(result.ratings.filter((row) => row.count > 0)).toEqual([
      { level: 'very_satisfied', count: 1 },
      { level: 'satisfied', count: 1 },
    ]);
    expect(result).toMatchObject({ badRatings: 0, followupsDone: 0, followupRate: null });
  });

  test('refuses a range that ends before it starts, and a counter clerk', async ({
    harness: h,
    township: { admin },
    clerk,
  }) => {
    const backwards = await h.call(
      'stats.counter',
      { from: '2026-11-30', to: '2026-11-01' },
      admin,
    );
    expect(backwards.ok ? null : backwards.error.code).toBe('INVALID_INPUT');
    const denied = await h.call('stats.counter', NOVEMBER, clerk);
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
  });
});

describe('stats.counterExcel', () => {
  test('writes the same numbers into five sheets with Chinese headers', async ({
    harness: h,
    township: { admin },
  }) => {
    const file = await h.ok('stats.counterExcel', { ...NOVEMBER, period: 'quarter' }, admin);
    expect(file.fileName).toBe('窗口统计-20261101-20261130.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '汇总',
      '按事项',
      '按期间',
      '代办',
      '好差评',
    ]);
    const rows = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const values: unknown[][] = [];
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    const summary = rows('汇总');
    expect(summary.slice(0, 10)).toEqual([
      ['指标', '数值'],
      ['统计期间（受理日期）', '2026-11-01 至 2026-11-30'],
      ['收件量', 5],
      ['受理量', 3],
      ['办结量', 3],
      ['按时办结量', 2],
      ['超期量', 1],
      ['补正量', 2],
      ['不予受理量', 1],
      ['按时办结率', 2 / 3],
    ]);
    expect(workbook.getWorksheet('汇总')!.getRow(10).getCell(2).numFmt).toBe('0.0%');
    expect(summary.slice(10)).toEqual([
      ['评价总数', 4],
      ['差评数', 2],
      ['差评已回访整改', 1],
      ['差评回访率', 0.5],
    ]);
    expect(rows('按事项')[0]).toEqual([
      '事项',
      '收件',
      '受理',
      '办结',
      '按时办结',
      '超期',
      '补正',
      '不予受理',
      '按时办结率',
    ]);
    expect(rows('按事项')[1]).toEqual(['最低生活保障申请', 3, 1, 1, 0, 1, 2, 1, 0]);
    expect(rows('按期间')[1]).toEqual(['2026年第4季度', 5, 3, 3, 2, 1, 2, 1, 2 / 3]);
    expect(rows('代办')).toEqual([
      ['村（社区）', '代办件数', '逾期移交'],
      ['蝉街社区', 2, 1],
    ]);
    expect(rows('好差评')).toEqual([
      ['评价等级', '数量'],
      ['非常满意', 1],
      ['满意', 1],
      ['基本满意', 0],
      ['不满意', 1],
      ['非常不满意', 1],
    ]);
  });

  test('names the item a filtered export counts', async ({ harness: h, township: { admin } }) => {
    const file = await h.ok('stats.counterExcel', { ...NOVEMBER, itemId: items.dibao }, admin);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('汇总')!;
    const cells = (row: number) => (summary.getRow(row).values as unknown[]).slice(1);
    expect(cells(3)).toEqual(['事项', '最低生活保障申请']);
    expect(cells(4)).toEqual(['收件量', 3]);
    const unknown = await h.call('stats.counterExcel', { ...NOVEMBER, itemId: 'no-such' }, admin);
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });
});
